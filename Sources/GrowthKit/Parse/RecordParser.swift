/// Reads `students/<id>/<YYYY-MM-DD>-<type>[-slug].md`: one record.
enum RecordParser {
    static let knownKeys: Set<String> = [
        "date", "type", "tutor", "mood", "areas", "duration", "confidential", "follow_up", "effect", "decision",
    ]

    /// The date, type and slug a record file name carries.
    struct FileName {
        var date: Day?
        var type: RecordType?
        var slug: String?
    }

    /// Longest name first: `phone-visit` must not read as type `phone`, slug `visit`.
    static let typesLongestFirst = RecordType.allCases.sorted { $0.rawValue.count > $1.rawValue.count }
    /// Each type with the `-` a slug follows it with.
    private static let typePrefixes = typesLongestFirst.map { (type: $0, name: $0.rawValue, prefix: $0.rawValue + "-") }

    /// Splits a file name stem, reporting what does not fit the pattern.
    /// Read by the byte, as the date and the types are ASCII.
    static func fileName(_ name: String, in file: FileDiagnostics) -> FileName {
        let pattern = "<YYYY-MM-DD>-<type>[-<slug>].md"
        let at = file.fileStart
        let utf8 = name.utf8
        let dateEnd = utf8.index(utf8.startIndex, offsetBy: 10, limitedBy: utf8.endIndex)
        guard let dateEnd, dateEnd != utf8.endIndex, utf8[dateEnd] == UInt8(ascii: "-"),
            utf8.index(after: dateEnd) != utf8.endIndex, Day.looksLikeISO(name[..<dateEnd])
        else {
            file.error(.fileName, at: at, "`\(name).md` does not match \(pattern)")
            return FileName()
        }
        var result = FileName()
        let datePart = name[..<dateEnd]
        result.date = Day(iso: datePart)
        if result.date == nil {
            file.error(.invalidDate, at: at, "`\(datePart)` in the file name is not a real date")
        }
        let rest = name[utf8.index(after: dateEnd)...]
        guard let match = typePrefixes.first(where: { rest == $0.name || rest.utf8.starts(with: $0.prefix.utf8) })
        else {
            let word = rest.split(separator: "-").first.map(String.init) ?? String(rest)
            file.error(
                .unknownRecordType, at: at,
                "`\(word)` is not a record type; use one of \(RecordType.allCases.map(\.rawValue).joined(separator: ", "))"
            )
            return result
        }
        result.type = match.type
        let slug = rest.utf8.dropFirst(match.prefix.utf8.count)
        result.slug = slug.isEmpty ? nil : String(Substring(slug))
        return result
    }

    static func parse(studentID: String, name: String, _ fields: YAMLFields, body: MarkdownBody) -> Parsed<Record>? {
        let file = fields.file
        let flag = confidentialFlag(fields)
        fields.rejectUnknownKeys(knownKeys.union(flag.misspelled), in: "a record")
        let fromName = fileName(name, in: file)
        var dateLocation = file.fileStart
        var date = fromName.date
        if fields.has("date") {
            date = fields.day("date")
            dateLocation = fields.valueLocation("date")
        }
        var type = fromName.type
        if fields.has("type") {
            type = fields.choice("type", as: RecordType.self, rule: .unknownRecordType)
        }
        let tutor = fields.string("tutor", what: "a tutor id")
        let mood = fields.int("mood", in: 1...5, what: "a whole number from 1 to 5")
        let duration = fields.int("duration", in: 0...24 * 60, what: "minutes, a whole number")
        var areas: [Area] = []
        for (text, location) in fields.stringList("areas", what: "an area") {
            guard let area = Area(rawValue: text) else {
                file.error(
                    .unknownArea, at: location,
                    "`\(text)` is not an area; use \(Area.allCases.map(\.rawValue).joined(separator: ", "))")
                continue
            }
            if !areas.contains(area) { areas.append(area) }
        }
        let followUps = parseFollowUps(fields)
        var review: Review?
        if type == .review {
            review = Review(
                effect: fields.int("effect", in: 1...5, what: "the guidance effect, a whole number from 1 to 5"),
                decision: fields.choice("decision", as: ReviewDecision.self))
        } else {
            for key in ["effect", "decision"] where fields.has(key) {
                file.warning(
                    .unknownField, at: fields.keyLocation(key),
                    "`\(key)` belongs to a `review` record, not a \(type?.rawValue ?? "record"); it is ignored")
            }
        }

        if type == .talk, body.isEmpty {
            file.warning(.emptyTalk, at: file.fileStart, "the talk has no text: write what was talked about")
        }
        guard let date, let type else { return nil }
        var parsed = Parsed(
            value: Record(
                id: "\(studentID)/\(name)", studentID: studentID, date: date, type: type, slug: fromName.slug,
                tutorID: tutor, mood: mood, areas: areas, duration: duration, isConfidential: flag.value,
                followUps: followUps, review: review, body: body, source: file.fileStart),
            dateLocation: dateLocation)
        if let decided = flag.decidedAt { parsed.fieldLocations["confidential"] = decided }
        parsed.references.append(IDReference(kind: .student, id: studentID, location: file.fileStart, field: "folder"))
        if let tutor {
            parsed.references.append(
                IDReference(kind: .tutor, id: tutor, location: fields.valueLocation("tutor"), field: "tutor"))
        }
        return parsed
    }

    /// What the front matter says of confidentiality. Anything that may mean
    /// "confidential" and is not a plain `true` or `false` makes the file
    /// confidential: a mistake must not publish it. `decidedAt` is nil when
    /// the file says nothing, so the policy's default for its kind holds.
    static func confidentialFlag(_ fields: YAMLFields) -> (
        value: Bool, decidedAt: SourceLocation?, misspelled: [String]
    ) {
        let file = fields.file
        // A known key is none of them, and is not lowercased to find out.
        let misspelled = fields.keys.filter {
            $0 != "confidential" && !knownKeys.contains($0) && Self.looksLikeConfidential($0)
        }
        for key in misspelled {
            file.error(
                .invalidValue, at: fields.keyLocation(key),
                "`\(key)` is not `confidential`: write `confidential: true` or `false`; it is treated as confidential until then"
            )
        }
        var confidential = !misspelled.isEmpty
        var decided = misspelled.first.map { fields.keyLocation($0) }
        if fields.keys.contains("confidential") {
            decided = fields.keyLocation("confidential")
            if let flag = fields.bool("confidential") {
                confidential = confidential || flag
            } else {
                // Empty, null, or not a yes/no: fail closed.
                if !fields.has("confidential") {
                    file.error(
                        .wrongType, at: fields.keyLocation("confidential"),
                        "`confidential:` has no value: write true or false; it is treated as confidential until then"
                    )
                }
                confidential = true
            }
        }
        return (confidential, decided, misspelled)
    }

    /// `Confidential`, `confidental`, `confidentail`…: the key, but mistyped.
    static func looksLikeConfidential(_ key: String) -> Bool {
        let word = key.lowercased()
        return word == "confidential" || (word.hasPrefix("conf") && editDistance(word, "confidential") <= 3)
            || word == "secret" || word == "private"
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        var row = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let keep = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = keep
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }

    static let followUpKeys: Set<String> = ["action", "due", "done"]

    static func parseFollowUps(_ fields: YAMLFields) -> [FollowUp] {
        let file = fields.file
        let shape = "a list of `{ action: …, due: YYYY-MM-DD, done: false }`"
        guard let items = fields.list("follow_up", what: shape) else { return [] }
        return items.compactMap { item in
            guard let mapping = item.pairs else {
                file.error(
                    .wrongType, at: file.location(of: item),
                    "each item of `follow_up` must be `{ action: …, due: YYYY-MM-DD, done: false }`")
                return nil
            }
            let entry = YAMLFields(mapping, in: file, at: file.location(of: item))
            entry.rejectUnknownKeys(followUpKeys, in: "a follow-up")
            let action = entry.string("action", required: true, what: "what is to be done")
            let due = entry.day("due")
            let done = entry.bool("done") ?? false
            guard let action else { return nil }
            return FollowUp(action: action, due: due, done: done, source: entry.location)
        }
    }
}
