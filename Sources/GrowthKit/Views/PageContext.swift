/// What every page needs and nothing more: the words, who may read what, the
/// shown term's figures, the links and the frame. Each page's own inputs (a
/// tutor's records, a class's members, the trajectories) are held by that
/// page's builder (`TutorPages`, `ClassPages`, …), which `TermPages` makes.
struct PageContext: Sendable {
    var text: Localizer
    var audience: Audience
    /// What the pages may read of confidential values: all for leadership, none for staff.
    var clearance: Clearance
    /// The term the pages show: the as-of term at the root, an ended term
    /// under `terms/<id>/`.
    var term: TermAggregates
    /// The terms the switcher offers: every term up to the shown one.
    var switcherTerms: [TermAggregates]
    /// The id of the as-of term, whose pages are at the root.
    var currentTermID: String
    var schoolName: String
    /// Whether the build lists problems (`--allow-errors`).
    var hasProblems: Bool
    var links: Links

    init(school: School, aggregates: SchoolAggregates, term: TermAggregates, audience: Audience, hasProblems: Bool) {
        text = Localizer(school.settings.locale)
        self.audience = audience
        clearance = AudienceFilter.clearance(for: audience)
        self.term = term
        switcherTerms = aggregates.terms.filter { $0.term.start <= term.term.start }
        currentTermID = aggregates.current.term.id
        schoolName = school.settings.name
        self.hasProblems = hasProblems
        links = Links(
            school: school, base: term.term.id == currentTermID ? "" : "terms/\(term.term.id)/", term: term,
            locale: school.settings.locale)
    }
}

/// The names and places every link needs: a student's growth file at the
/// root, a tutor's or class's page of the shown term where it has one.
struct Links: Sendable {
    /// `""` for the as-of term's pages, `"terms/<id>/"` for an ended term's.
    var base: String
    var students: [String: Student]
    var tutors: [String: Tutor]
    var classes: [String: SchoolClass]
    /// Tutors and classes with a page of the shown term; the others are
    /// linked to their page at the root, which every tutor and class has.
    var termTutors: Set<String>
    var termClasses: Set<String>
    var locale: SiteLocale

    init(school: School, base: String, term: TermAggregates, locale: SiteLocale) {
        self.base = base
        students = Dictionary(uniqueKeysWithValues: school.students.map { ($0.id, $0) })
        tutors = Dictionary(uniqueKeysWithValues: school.tutors.map { ($0.id, $0) })
        classes = Dictionary(uniqueKeysWithValues: school.classes.map { ($0.id, $0) })
        termTutors = Set(term.tutors)
        termClasses = Set(term.classes)
        self.locale = locale
    }
}

/// A maker of pages: it reads the shared `PageContext`, and the helpers
/// below are the parts several pages share (links, frame, statuses, tables).
protocol PageBuilder: Sendable {
    var context: PageContext { get }
}

extension PageContext: PageBuilder {
    var context: PageContext { self }
}

extension PageBuilder {
    var text: Localizer { context.text }
    var audience: Audience { context.audience }
    var clearance: Clearance { context.clearance }
    var term: TermAggregates { context.term }
    var students: [String: Student] { context.links.students }
    var tutors: [String: Tutor] { context.links.tutors }
    var classes: [String: SchoolClass] { context.links.classes }

    /// The day the shown term's figures are for.
    var asOf: Day { context.term.asOf }

    /// Whether the pages are the as-of term's, at the root.
    var isCurrentTerm: Bool { context.links.base.isEmpty }

    /// The path of one of the shown term's pages, from the site's root.
    func termPath(_ path: String) -> String { context.links.base + path }

    /// How many folders below the root a term page `depth` folders deep lies.
    func depth(_ depth: Int) -> Int { isCurrentTerm ? depth : depth + 2 }

    /// The frame of a page `depth` folders below the root.
    func frame(title: String, depth: Int, current: Label?) -> PageFrame {
        let root = String(repeating: "../", count: depth)
        let sections: [(Label, String)] = [
            (.dashboard, termPath(PagePath.dashboard)), (.evaluation, termPath(PagePath.evaluation)),
            (.forums, termPath(PagePath.forums)), (.search, "search/index.html"),
        ]
        let shown = term.term.id
        let currentID = context.currentTermID
        var terms = context.switcherTerms.reversed().map { other in
            LinkView(
                href: root + (other.term.id == currentID ? "" : "terms/\(other.term.id)/") + "index.html",
                text: other.term.name, isCurrent: other.term.id == shown)
        }
        // An ended term's pages must not change when later terms come: they
        // name none of them, only the way back to the running term.
        if shown != currentID { terms.insert(LinkView(href: root + "index.html", text: text[.currentTerm]), at: 0) }
        return PageFrame(
            lang: text.languageTag, title: title, schoolName: context.schoolName, root: root,
            nav: sections.map { LinkView(href: root + $0.1, text: text[$0.0], isCurrent: $0.0 == current) },
            navLabel: text[.dashboard], terms: terms.count > 1 ? terms : [], termsLabel: text[.terms],
            skipLabel: text[.skipToContent],
            minorsNotice: text[audience == .leadership ? .minorsNotice : .minorsNoticeStaff],
            contentLang: contentLang(context.schoolName),
            audience: text[audience == .leadership ? .audienceLeadership : .audienceStaff],
            asOf: "\(text[.asOf]) \(text.date(asOf))", term: term.term.name,
            generatedBy: text[.generatedBy],
            problems: context.hasProblems
                ? LinkView(href: root + PagePath.problems, text: text[.problemsBanner]) : nil)
    }

    /// The id of a record's place in its growth file: `record-2025-09-10-talk`.
    func anchor(_ record: Record) -> String {
        // By the byte: finding the last `/` by Character read the id's
        // grapheme breaks, 2% of a build for 55,000 records.
        let id = record.id.utf8
        var anchor = "record-"
        anchor.append(
            contentsOf: Substring(id.lastIndex(of: UInt8(ascii: "/")).map { id[id.index(after: $0)...] } ?? id[...]))
        return anchor
    }

    /// `zh-CN` when `content` is Chinese and the page is not: screen readers
    /// and browsers then read it as Chinese.
    func contentLang(_ content: String) -> String? {
        guard context.links.locale != .zhCN else { return nil }
        return content.unicodeScalars.contains {
            (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value)
        }
            ? "zh-CN" : nil
    }

    /// A growth file: one page for the whole stay, at the site's root.
    func studentLink(_ id: String, root: String) -> LinkView {
        let name = students[id]?.name ?? id
        return LinkView(href: "\(root)\(PagePath.student(id))", text: name, textLang: contentLang(name))
    }

    /// A tutor's page of the shown term.
    func tutorLink(_ id: String?, root: String) -> LinkView? {
        guard let id else { return nil }
        let path = PagePath.tutor(id)
        let name = tutors[id]?.name ?? id
        return LinkView(
            href: root + (context.links.termTutors.contains(id) ? termPath(path) : path), text: name,
            textLang: contentLang(name))
    }

    /// A class's page of the shown term.
    func classLink(_ id: String, root: String) -> LinkView {
        let path = PagePath.schoolClass(id)
        let name = classes[id]?.name ?? id
        return LinkView(
            href: root + (context.links.termClasses.contains(id) ? termPath(path) : path), text: name,
            textLang: contentLang(name))
    }

    /// `met`, `behind` or `not due yet`, as a CSS class and a word.
    func status(_ item: ItemCompliance?) -> StatusView {
        guard let item, item.due > 0 else { return StatusView(kind: "none", text: text[.statusNotDue]) }
        return item.met == item.due
            ? StatusView(kind: "ok", text: text[.statusMet]) : StatusView(kind: "bad", text: text[.statusDue])
    }

    /// A compliance figure's colour and word.
    func complianceStatus(_ value: Double?) -> StatusView {
        switch Chart.status(value) {
        case "ok": StatusView(kind: "ok", text: text[.statusMet])
        case "warn": StatusView(kind: "warn", text: text[.statusDue])
        case "bad": StatusView(kind: "bad", text: text[.statusDue])
        default: StatusView(kind: "none", text: text[.statusNotDue])
        }
    }
}

/// The weeks of a term up to its as-of date, from the Monday of the first:
/// the columns of the records-per-week chart and of the heat maps.
struct WeekColumns: Sendable {
    var weeks: [Period]

    init(_ term: TermAggregates) {
        weeks = Cadence.weeks(1).periods(in: Term(name: term.term.name, start: term.term.start, end: term.asOf))
    }

    /// How many of `records` fall in each week.
    func counts(_ records: some Sequence<Record>) -> [Int] {
        var counts = Array(repeating: 0, count: weeks.count)
        guard let first = weeks.first, let last = weeks.last else { return counts }
        let monday = first.start.mondayOfWeek
        for record in records where first.start <= record.date && record.date <= last.end {
            counts[monday.days(to: record.date) / 7] += 1
        }
        return counts
    }
}
