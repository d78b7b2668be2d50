/// A link in the navigation or in a table.
struct LinkView: Sendable, Hashable {
    var href: String
    var text: String
    var isCurrent: Bool = false
    /// `zh-CN` for Chinese content text on a page in another language.
    var textLang: String? = nil
}

/// What every page shares: language, title, navigation, the banner.
struct PageFrame: Sendable {
    var lang: String
    var title: String
    var schoolName: String
    /// `""`, `"../"` or `"../../"`: the way back to the site's root.
    var root: String
    var nav: [LinkView]
    var navLabel: String
    /// The term switcher: each term's pages, the shown term marked current.
    var terms: [LinkView]
    var termsLabel: String
    var skipLabel: String
    /// Leadership builds hold minors' personal information and say so.
    var minorsNotice: String?
    /// The language of the school's own texts where it is not the page's.
    var contentLang: String?
    var audience: String
    var asOf: String
    var term: String
    var generatedBy: String
    /// On every page of a build with `--allow-errors`: where the problems are listed.
    var problems: LinkView?
}

/// A table under its own heading, with a line saying how to read it: the
/// head teacher's tutors, the partners, the family counts, the contact checks.
struct TableSectionView<Row: Sendable & Hashable>: Sendable {
    var heading: String
    var hint: String
    var headers: [String]
    var rows: [Row]
}

/// Where each page is in the site (before `termPath` puts an ended term's
/// under `terms/<id>/`): the page builders and the plan of pages made on
/// demand both ask here.
enum PagePath {
    static let dashboard = "index.html"
    static let evaluation = "evaluation/index.html"
    static let forums = "forums/index.html"
    static let problems = "problems/index.html"
    static func schoolClass(_ id: String) -> String { "classes/\(id)/index.html" }
    static func tutor(_ id: String) -> String { "tutors/\(id)/index.html" }
    static func student(_ id: String) -> String { "students/\(id)/index.html" }
}

/// A page not made yet: where it will be, and how to make it.
struct PlannedPage: Sendable {
    var path: String
    var make: @Sendable () -> Page
}

/// A page: its path in the site, its template, and its view.
struct Page: Sendable {
    var path: String
    var template: String
    var frame: PageFrame
    var view: any Sendable
}

/// Shared inputs of every view builder: the school, the term whose pages are
/// made, and indexes of that term's figures.
struct ViewContext: Sendable {
    var school: School
    var aggregates: SchoolAggregates
    /// The term the pages show: the as-of term at the root, an ended term
    /// under `terms/<id>/`.
    var term: TermAggregates
    /// `""` for the as-of term's pages, `"terms/<id>/"` for an ended term's.
    var base: String
    /// The terms the switcher offers: every term up to the shown one.
    var switcherTerms: [TermAggregates]
    var text: Localizer
    var audience: Audience
    /// What the pages may read of confidential values: all for leadership, none for staff.
    var clearance: Clearance
    var students: [String: Student]
    var tutors: [String: Tutor]
    var classes: [String: SchoolClass]
    // Indexes built once, so no page searches a whole list for its own part.
    /// The weeks of the term up to its as-of date, from the Monday of the
    /// first: the columns of the records-per-week chart and of the heat maps.
    var weeks: [Period]
    /// The term's students of each class, in id order.
    var studentsByClass: [String: [Student]]
    /// Students each tutor follows on the term's as-of date, in id order.
    var currentStudents: [String: [String]]
    /// Records of the term each tutor wrote up to its as-of date, newest first.
    var recordsByTutor: [String: [Record]]
    var answersByTutor: [String: [SurveyResponse]]
    /// Tutors and classes with a page of the shown term; the others are
    /// linked to their page at the root, which every tutor and class has.
    var termTutors: Set<String>
    var termClasses: Set<String>
    /// Whether the build lists problems (`--allow-errors`).
    var hasProblems = false

    /// The context of `term`'s pages; the as-of term's are at the root.
    init(school: School, aggregates: SchoolAggregates, term: TermAggregates, audience: Audience) {
        self.school = school
        self.aggregates = aggregates
        self.term = term
        self.audience = audience
        clearance = AudienceFilter.clearance(for: audience)
        let isCurrent = term.term.id == aggregates.current.term.id
        base = isCurrent ? "" : "terms/\(term.term.id)/"
        switcherTerms = aggregates.terms.filter { $0.term.start <= term.term.start }
        text = Localizer(school.settings.locale)
        students = Dictionary(uniqueKeysWithValues: school.students.map { ($0.id, $0) })
        tutors = Dictionary(uniqueKeysWithValues: school.tutors.map { ($0.id, $0) })
        classes = Dictionary(uniqueKeysWithValues: school.classes.map { ($0.id, $0) })
        let report = term.compliance
        let asOf = term.asOf
        weeks = Cadence.weeks(1).periods(in: Term(name: term.term.name, start: term.term.start, end: asOf))
        let present = Set(term.students)
        studentsByClass = Dictionary(grouping: school.students.filter { present.contains($0.id) }, by: \.classID)
        currentStudents = Dictionary(grouping: report.students.filter { $0.tutorID != nil }, by: { $0.tutorID! })
            .mapValues { $0.map(\.studentID) }
        let span = term.term
        recordsByTutor = Dictionary(
            grouping: school.records.filter { $0.tutorID != nil && span.contains($0.date) && $0.date <= asOf }
        ) { $0.tutorID! }
        .mapValues { $0.sorted { ($0.date, $0.studentID, $0.type.rank) > ($1.date, $1.studentID, $1.type.rank) } }
        answersByTutor = school.answersByTutor(in: span, upTo: asOf)
        termTutors = Set(term.tutors)
        termClasses = Set(term.classes)
    }

    /// The day the shown term's figures are for.
    var asOf: Day { term.asOf }

    /// How many of `records` fall in each of `weeks`.
    func countPerWeek(_ records: some Sequence<Record>) -> [Int] {
        var counts = Array(repeating: 0, count: weeks.count)
        guard let first = weeks.first, let last = weeks.last else { return counts }
        let monday = first.start.mondayOfWeek
        for record in records where first.start <= record.date && record.date <= last.end {
            counts[monday.days(to: record.date) / 7] += 1
        }
        return counts
    }

    /// The path of one of the shown term's pages, from the site's root.
    func termPath(_ path: String) -> String { base + path }

    /// How many folders below the root a term page `depth` folders deep lies.
    func depth(_ depth: Int) -> Int { base.isEmpty ? depth : depth + 2 }

    /// The frame of a page `depth` folders below the root.
    func frame(title: String, depth: Int, current: Label?) -> PageFrame {
        let root = String(repeating: "../", count: depth)
        let sections: [(Label, String)] = [
            (.dashboard, termPath("index.html")), (.evaluation, termPath("evaluation/index.html")),
            (.forums, termPath("forums/index.html")), (.search, "search/index.html"),
        ]
        let shown = term.term.id
        let currentID = aggregates.current.term.id
        var terms = switcherTerms.reversed().map { other in
            LinkView(
                href: root + (other.term.id == currentID ? "" : "terms/\(other.term.id)/") + "index.html",
                text: other.term.name, isCurrent: other.term.id == shown)
        }
        // An ended term's pages must not change when later terms come: they
        // name none of them, only the way back to the running term.
        if shown != currentID { terms.insert(LinkView(href: root + "index.html", text: text[.currentTerm]), at: 0) }
        return PageFrame(
            lang: text.languageTag, title: title, schoolName: school.settings.name, root: root,
            nav: sections.map { LinkView(href: root + $0.1, text: text[$0.0], isCurrent: $0.0 == current) },
            navLabel: text[.dashboard], terms: terms.count > 1 ? terms : [], termsLabel: text[.terms],
            skipLabel: text[.skipToContent],
            minorsNotice: text[audience == .leadership ? .minorsNotice : .minorsNoticeStaff],
            contentLang: contentLang(school.settings.name),
            audience: text[audience == .leadership ? .audienceLeadership : .audienceStaff],
            asOf: "\(text[.asOf]) \(text.date(asOf))", term: term.term.name,
            generatedBy: text[.generatedBy],
            problems: hasProblems ? LinkView(href: root + "problems/index.html", text: text[.problemsBanner]) : nil)
    }

    /// The id of a record's place in its growth file: `record-2025-09-10-talk`.
    func anchor(_ record: Record) -> String {
        "record-" + (record.id.split(separator: "/").last.map(String.init) ?? record.id)
    }

    /// `zh-CN` when `content` is Chinese and the page is not: screen readers
    /// and browsers then read it as Chinese.
    func contentLang(_ content: String) -> String? {
        guard text.locale != .zhCN else { return nil }
        return content.unicodeScalars.contains {
            (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value)
        }
            ? "zh-CN" : nil
    }

    /// A growth file: one page for the whole stay, at the site's root.
    func studentLink(_ id: String, root: String) -> LinkView {
        let name = students[id]?.name ?? id
        return LinkView(href: "\(root)students/\(id)/index.html", text: name, textLang: contentLang(name))
    }

    /// A tutor's page of the shown term.
    func tutorLink(_ id: String?, root: String) -> LinkView? {
        guard let id else { return nil }
        let path = "tutors/\(id)/index.html"
        let name = tutors[id]?.name ?? id
        return LinkView(
            href: root + (termTutors.contains(id) ? termPath(path) : path), text: name, textLang: contentLang(name))
    }

    /// A class's page of the shown term.
    func classLink(_ id: String, root: String) -> LinkView {
        let path = "classes/\(id)/index.html"
        let name = classes[id]?.name ?? id
        return LinkView(
            href: root + (termClasses.contains(id) ? termPath(path) : path), text: name, textLang: contentLang(name))
    }

    /// `met`, `behind` or `not due yet`, as a CSS class and a word.
    func status(_ item: ItemCompliance?) -> StatusView {
        guard let item, item.due > 0 else { return StatusView(kind: "none", text: text[.statusNotDue]) }
        return item.met == item.due
            ? StatusView(kind: "ok", text: text[.statusMet]) : StatusView(kind: "bad", text: text[.statusDue])
    }
}

/// A status shown with a colour and a word, never colour alone.
struct StatusView: Sendable, Hashable {
    var kind: String
    var text: String
}

extension ViewContext {
    /// The figure pages of the shown term: dashboard, evaluation, forums, and
    /// a page for each of `classes` and `tutors`.
    /// The pages of the shown term, each made when it is called: the render
    /// workers make a page's view and render it together, so no stage holds
    /// every page at once.
    func termPages(classes classIDs: [String], tutors tutorIDs: [String]) -> [PlannedPage] {
        let context = self
        var pages = [
            PlannedPage(path: termPath(PagePath.dashboard)) { context.dashboard() },
            PlannedPage(path: termPath(PagePath.evaluation)) { context.evaluationPage() },
            PlannedPage(path: termPath(PagePath.forums)) { context.forumsPage() },
        ]
        pages += classIDs.compactMap { classes[$0] }.map { schoolClass in
            PlannedPage(path: termPath(PagePath.schoolClass(schoolClass.id))) { context.classPage(schoolClass) }
        }
        pages += tutorIDs.compactMap { tutors[$0] }.map { tutor in
            PlannedPage(path: termPath(PagePath.tutor(tutor.id))) { context.tutorPage(tutor) }
        }
        return pages
    }
}
