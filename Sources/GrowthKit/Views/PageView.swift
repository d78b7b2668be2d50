/// A link in the navigation or in a table.
public struct LinkView: Sendable, Hashable {
    public var href: String
    public var text: String
    public var isCurrent: Bool = false
}

/// What every page shares: language, title, navigation, the banner.
public struct PageFrame: Sendable {
    public var lang: String
    public var title: String
    public var schoolName: String
    /// `""`, `"../"` or `"../../"`: the way back to the site's root.
    public var root: String
    public var nav: [LinkView]
    public var navLabel: String
    public var skipLabel: String
    /// Leadership builds hold minors' personal information and say so.
    public var minorsNotice: String?
    public var audience: String
    public var asOf: String
    public var term: String
    public var generatedBy: String
    /// On every page of a build with `--allow-errors`: where the problems are listed.
    public var problems: LinkView?
}

/// A page: its path in the site, its template, and its view.
public struct Page: Sendable {
    public var path: String
    public var template: String
    public var frame: PageFrame
    public var view: any Sendable
}

/// Shared inputs of every view builder.
struct ViewContext: Sendable {
    var school: School
    var aggregates: SchoolAggregates
    var text: Localizer
    var audience: Audience
    var students: [String: Student]
    var tutors: [String: Tutor]
    var classes: [String: SchoolClass]
    // Indexes built once, so no page searches a whole list for its own part.
    var studentCompliance: [String: StudentCompliance]
    var tutorCompliance: [String: TutorCompliance]
    var tutorEvaluation: [String: TutorEvaluation]
    var classCompliance: [String: ClassCompliance]
    /// The weeks of the term up to the as-of date, from the Monday of the first:
    /// the columns of the records-per-week chart and of the heat maps.
    var weeks: [Period]
    /// Students of each class, in id order.
    var studentsByClass: [String: [Student]]
    /// Students each tutor follows on the as-of date, in id order.
    var currentStudents: [String: [String]]
    /// Records each tutor wrote up to the as-of date, newest first.
    var recordsByTutor: [String: [Record]]
    var answersByTutor: [String: [SurveyResponse]]
    /// Whether the build lists problems (`--allow-errors`).
    var hasProblems = false

    init(school: School, aggregates: SchoolAggregates, audience: Audience) {
        self.school = school
        self.aggregates = aggregates
        self.audience = audience
        text = Localizer(school.settings.locale)
        students = Dictionary(uniqueKeysWithValues: school.students.map { ($0.id, $0) })
        tutors = Dictionary(uniqueKeysWithValues: school.tutors.map { ($0.id, $0) })
        classes = Dictionary(uniqueKeysWithValues: school.classes.map { ($0.id, $0) })
        let report = aggregates.compliance
        studentCompliance = Dictionary(uniqueKeysWithValues: report.students.map { ($0.studentID, $0) })
        tutorCompliance = Dictionary(uniqueKeysWithValues: report.tutors.map { ($0.tutorID, $0) })
        tutorEvaluation = Dictionary(uniqueKeysWithValues: aggregates.evaluation.tutors.map { ($0.tutorID, $0) })
        classCompliance = Dictionary(uniqueKeysWithValues: report.classes.map { ($0.classID, $0) })
        let term = school.settings.term
        weeks = Cadence.weeks(1).periods(in: Term(name: term.name, start: term.start, end: aggregates.asOf))
        studentsByClass = Dictionary(grouping: school.students, by: \.classID)
        currentStudents = Dictionary(grouping: report.students.filter { $0.tutorID != nil }, by: { $0.tutorID! })
            .mapValues { $0.map(\.studentID) }
        let asOf = aggregates.asOf
        recordsByTutor = Dictionary(grouping: school.records.filter { $0.tutorID != nil && $0.date <= asOf }) {
            $0.tutorID!
        }
        .mapValues { $0.sorted { ($0.date, $0.studentID, $0.type.rank) > ($1.date, $1.studentID, $1.type.rank) } }
        answersByTutor = school.answersByTutor()
    }

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

    /// The frame of a page `depth` folders below the root.
    func frame(title: String, depth: Int, current: Label?) -> PageFrame {
        let root = String(repeating: "../", count: depth)
        let sections: [(Label, String)] = [
            (.dashboard, "index.html"), (.evaluation, "evaluation/index.html"), (.forums, "forums/index.html"),
            (.search, "search/index.html"),
        ]
        return PageFrame(
            lang: text.languageTag, title: title, schoolName: school.settings.name, root: root,
            nav: sections.map { LinkView(href: root + $0.1, text: text[$0.0], isCurrent: $0.0 == current) },
            navLabel: text[.dashboard], skipLabel: text[.skipToContent],
            minorsNotice: audience == .leadership ? text[.minorsNotice] : nil,
            audience: text[audience == .leadership ? .audienceLeadership : .audienceStaff],
            asOf: "\(text[.asOf]) \(text.date(aggregates.asOf))", term: school.settings.term.name,
            generatedBy: text[.generatedBy],
            problems: hasProblems ? LinkView(href: root + "problems/index.html", text: text[.problemsBanner]) : nil)
    }

    /// The id of a record's place in its growth file: `record-2025-09-10-talk`.
    func anchor(_ record: Record) -> String {
        "record-" + (record.id.split(separator: "/").last.map(String.init) ?? record.id)
    }

    func studentLink(_ id: String, root: String) -> LinkView {
        LinkView(href: "\(root)students/\(id)/index.html", text: students[id]?.name ?? id)
    }

    func tutorLink(_ id: String?, root: String) -> LinkView? {
        guard let id else { return nil }
        return LinkView(href: "\(root)tutors/\(id)/index.html", text: tutors[id]?.name ?? id)
    }

    func classLink(_ id: String, root: String) -> LinkView {
        LinkView(href: "\(root)classes/\(id)/index.html", text: classes[id]?.name ?? id)
    }

    /// `met`, `behind` or `not due yet`, as a CSS class and a word.
    func status(_ item: ItemCompliance?) -> StatusView {
        guard let item, item.due > 0 else { return StatusView(kind: "none", text: text[.statusNotDue]) }
        return item.met == item.due
            ? StatusView(kind: "ok", text: text[.statusMet]) : StatusView(kind: "bad", text: text[.statusDue])
    }
}

/// A status shown with a colour and a word, never colour alone.
public struct StatusView: Sendable, Hashable {
    public var kind: String
    public var text: String
}
