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
