/// Reads `forums/<YYYY-MM-DD>[-slug].md`: one tutor forum.
enum ForumParser {
    static func parse(name: String, _ fields: YAMLFields, body: MarkdownBody) -> Parsed<Forum>? {
        let file = fields.file
        fields.rejectUnknownKeys(["date", "topic", "host", "attendees", "cases"], in: "a forum")
        var date: Day?
        var dateLocation = file.fileStart
        let datePart = name.prefix(10)
        if Day.looksLikeISO(datePart), name.count == 10 || name.dropFirst(10).first == "-" {
            date = Day(iso: datePart)
            if date == nil {
                file.error(.invalidDate, at: file.fileStart, "`\(datePart)` in the file name is not a real date")
            }
        } else {
            file.error(.fileName, at: file.fileStart, "`\(name).md` does not match <YYYY-MM-DD>[-<slug>].md")
        }
        if fields.has("date") {
            date = fields.day("date")
            dateLocation = fields.valueLocation("date")
        }
        let topic = fields.string("topic", required: true, what: "the forum's topic")
        let host = fields.string("host", what: "a tutor id")
        var references: [IDReference] = []
        if let host {
            references.append(
                IDReference(kind: .tutor, id: host, location: fields.valueLocation("host"), field: "host"))
        }
        let attendees = uniqueIDs(fields, "attendees", kind: .tutor, what: "a tutor id", into: &references)
        let cases = uniqueIDs(fields, "cases", kind: .student, what: "a student id", into: &references)
        guard let date, let topic else { return nil }
        return Parsed(
            value: Forum(
                id: name, date: date, topic: topic, host: host, attendees: attendees, cases: cases,
                analysis: Confidential(body.isEmpty ? nil : body),
                source: file.fileStart),
            references: references, dateLocation: dateLocation)
    }

    /// `tutors/<id>/<YYYY-MM-DD>-summary[-slug].md`: a tutor's summary, with
    /// an optional `title` and `confidential`.
    static func summary(tutorID: String, name: String, _ fields: YAMLFields, body: MarkdownBody)
        -> Parsed<TutorSummary>?
    {
        let file = fields.file
        let flag = RecordParser.confidentialFlag(fields)
        fields.rejectUnknownKeys(Set(["date", "title", "confidential"] + flag.misspelled), in: "a summary")
        let pattern = "<YYYY-MM-DD>-summary[-<slug>].md"
        var date: Day?
        var dateLocation = file.fileStart
        let datePart = name.prefix(10)
        let rest = name.dropFirst(11)
        if Day.looksLikeISO(datePart), name.dropFirst(10).first == "-", rest == "summary" || rest.hasPrefix("summary-")
        {
            date = Day(iso: datePart)
            if date == nil {
                file.error(.invalidDate, at: file.fileStart, "`\(datePart)` in the file name is not a real date")
            }
        } else {
            file.error(
                .fileName, at: file.fileStart,
                "`\(name).md` does not match \(pattern): a tutor's folder holds only their summaries")
        }
        if fields.has("date") {
            date = fields.day("date")
            dateLocation = fields.valueLocation("date")
        }
        let title = fields.string("title", what: "the summary's title")
        guard let date else { return nil }
        return Parsed(
            value: TutorSummary(
                id: "\(tutorID)/\(name)", tutorID: tutorID, date: date, title: title, isConfidential: flag.value,
                body: body, source: file.fileStart),
            references: [IDReference(kind: .tutor, id: tutorID, location: file.fileStart, field: "folder")],
            dateLocation: dateLocation)
    }

    /// A list of ids, each once; a repeated one is a `duplicate-id` error.
    static func uniqueIDs(
        _ fields: YAMLFields, _ key: String, kind: EntityKind, what: String, into references: inout [IDReference]
    ) -> [String] {
        var seen: [String: SourceLocation] = [:]
        var ids: [String] = []
        for (id, location) in fields.stringList(key, what: what) {
            if let first = seen[id] {
                fields.file.error(
                    .duplicateID, at: location,
                    "`\(id)` is listed twice in `\(key)`; the first is at line \(first.line)")
                continue
            }
            seen[id] = location
            ids.append(id)
            references.append(IDReference(kind: kind, id: id, location: location, field: key))
        }
        return ids
    }
}
