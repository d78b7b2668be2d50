/// One forum meeting.
struct ForumView: Sendable, Encodable {
    var anchor: String
    var date: String
    var dateISO: String
    var topic: String
    var topicLang: String?
    var host: LinkView?
    var attendees: [LinkView]
    var cases: [LinkView]
    var analysis: String?
}

/// The forums page (`forums/index.html`).
struct ForumsView: Sendable, Encodable {
    var heading: String
    var forums: [ForumView]
    var none: String
    var hostLabel: String
    var attendeesLabel: String
    var casesLabel: String
    var analysisLabel: String
    var confidentialLabel: String
}

/// Makes the forums page of the shown term.
struct ForumsPage: PageBuilder {
    let context: PageContext
    let forums: [Forum]
    /// The build's as-of date: the root lists every forum up to it.
    let buildAsOf: Day

    func page() -> Page {
        let depth = depth(1)
        let root = String(repeating: "../", count: depth)
        // The root lists every forum so far, an ended term's page its own.
        let span = isCurrentTerm ? nil : term.term
        let shown = forums.filter { forum in
            forum.date <= buildAsOf && span.map { $0.contains(forum.date) } ?? true
        }
        let forums = shown.sorted { $0.date > $1.date }.map { forum in
            ForumView(
                anchor: "forum-\(forum.id)", date: text.date(forum.date), dateISO: forum.date.iso, topic: forum.topic,
                topicLang: contentLang(forum.topic),
                host: tutorLink(forum.host, root: root),
                attendees: forum.attendees.compactMap { tutorLink($0, root: root) },
                cases: forum.cases.map { studentLink($0, root: root) },
                analysis: forum.analysis.read(clearance)?.html)
        }
        let view = ForumsView(
            heading: text[.forums], forums: forums, none: text[.noForum], hostLabel: text[.host],
            attendeesLabel: text[.attendees], casesLabel: text[.cases], analysisLabel: text[.caseAnalysis],
            confidentialLabel: text[.confidential])
        return Page(
            path: termPath(PagePath.forums), template: "forums",
            frame: frame(title: text[.forums], depth: depth, current: .forums),
            view: view)
    }
}
