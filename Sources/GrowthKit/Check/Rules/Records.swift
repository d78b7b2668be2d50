extension CrossFileRules {
    /// The students whose records `buildRecords` found without a profile.
    mutating func reportMissingStudentFolders() {
        for (id, count) in recordsWithoutStudent.sorted(by: { $0.key < $1.key }) {
            let records = "\(count) record\(count == 1 ? " is" : "s are")"
            if ids.broken.contains(KnownIDs.key(.student, id)) {
                error(
                    .missingFile, at: SourceLocation(path: "students/\(id)/index.md"),
                    "the profile has errors (see them here), so the student is left out and their \(records) left out until it is fixed"
                )
            } else {
                error(
                    .missingFile, at: SourceLocation(path: "students/\(id)/index.md"),
                    "the folder students/\(id)/ has no index.md; its \(records) left out")
            }
        }
    }

    /// The model's records; each parsed record is released once it is read.
    /// The records of the students at `positions`; a student is looked at
    /// in place (`students[position]`), not copied once per record.
    ///
    /// The students are split in two by id, and each half's records are read
    /// on a core of its own: a duplicate is always one student's, so each
    /// half finds its own, and the lower half sorted, then the upper, is the
    /// whole sorted. Each problem is the same one a single pass would report.
    mutating func buildRecords(
        _ parsedRecords: inout [Parsed<Record>], students: [Student], positions: [String: Int]
    ) -> [Record] {
        let ids = students.map(\.id).sorted()
        let pivot = ids.isEmpty ? "" : ids[ids.count / 2]
        // Counted first: a half that outgrew a guess would be copied whole to grow.
        let lower = parsedRecords.count { $0.value.studentID < pivot }
        var halves: [[Parsed<Record>]] = [[], []]
        halves[0].reserveCapacity(lower)
        halves[1].reserveCapacity(parsedRecords.count - lower)
        // Last first, so each half is in reverse: its worker takes it from
        // the end, in file order. Reversing an array of records in place
        // copies each one twice.
        while let parsed = parsedRecords.popLast() {
            halves[parsed.value.studentID < pivot ? 0 : 1].append(parsed)
        }
        parsedRecords = []  // popLast keeps the storage: give it back now
        var empty = self
        empty.diagnostics = []
        empty.brokenReferences = [:]
        empty.recordsWithoutStudent = [:]
        let worker = empty
        // Handed over, not shared: a half still held here would be copied
        // whole by its worker's first change, and kept to the end.
        let built = inParallel(consume halves) { half in
            var rules = worker
            let records = rules.buildRecords(of: half, students: students, positions: positions)
            return (records, rules.diagnostics, rules.brokenReferences, rules.recordsWithoutStudent)
        }
        var records: [Record] = []
        records.reserveCapacity(built.reduce(0) { $0 + $1.0.count })
        for (half, diagnostics, broken, withoutStudent) in built {
            records += half
            self.diagnostics += diagnostics
            brokenReferences.merge(broken, uniquingKeysWith: +)
            recordsWithoutStudent.merge(withoutStudent, uniquingKeysWith: +)
        }
        return records
    }

    /// One half's records, sorted; `parsedRecords` (last file first) is used up.
    private mutating func buildRecords(
        of parsedRecords: consuming [Parsed<Record>], students: [Student], positions: [String: Int]
    ) -> [Record] {
        var records: [Record] = []
        records.reserveCapacity(parsedRecords.count)
        var seen: [RecordFingerprint: SourceLocation] = [:]
        seen.reserveCapacity(parsedRecords.count)
        // Each term's confidential-by-default types, found once rather than per record.
        let defaults = settings.map { settings in settings.terms.map { settings.policy(for: $0).confidentialByDefault }
        }
        while let parsed = parsedRecords.popLast() {
            var record = parsed.value
            guard let position = positions[record.studentID] else {
                // Counted here, on every core, rather than in a pass of its own.
                if !ids.students.contains(record.studentID) { recordsWithoutStudent[record.studentID, default: 0] += 1 }
                continue
            }
            let unknown = unresolved(parsed.references)
            let dateLocation = parsed.dateLocation
            let saysConfidential = parsed.fieldLocations["confidential"] != nil
            // Let go before the record changes: while the parsed record
            // still held its fields, the first change copied them.
            _ = consume parsed
            if let tutor = record.tutorID, unknown.contains("tutor:" + tutor) { record.tutorID = nil }
            guard checkDate(record.date, at: dateLocation ?? record.source, what: "the record") else { continue }
            if !saysConfidential, let settings, let defaults {
                let confidential = defaults[settings.termIndex(asOf: record.date)].contains(record.type)
                // Marked only when it changes: a record shared with the parse cache is copied when changed.
                if record.content.isConfidential != confidential { record.content.mark(confidential: confidential) }
            }
            let fingerprint = RecordFingerprint(
                student: record.studentID, date: record.date, type: record.type,
                text: record.content.read(.checking)?.body.markdown ?? "")
            if let first = seen[fingerprint] {
                error(
                    .duplicateRecord, at: record.source,
                    "the same \(record.type.rawValue) of \(record.date) is already recorded in \(first.path); it is left out"
                )
                continue
            }
            seen[fingerprint] = record.source
            if record.tutorID == nil {
                record.tutorID = students[position].tutor(on: record.date)
                if record.tutorID == nil, !students[position].tutors.isEmpty {
                    warning(
                        .noTutor, at: record.source,
                        "the student had no tutor on \(record.date) and the record names none: add `tutor: <id>`")
                }
            }
            if let written, let today = dates?.today {
                let day = written[record.source.path] ?? today
                if record.written != day { record.written = day }
            }
            records.append(record)
        }
        parsedRecords = []  // popLast keeps the storage: give it back before sorting
        // In place: a sorted copy of a large school's records is another 100 MB.
        // Field by field rather than as tuples, which would copy every record's strings.
        records.sort { a, b in
            if a.studentID != b.studentID { return a.studentID < b.studentID }
            if a.date != b.date { return a.date < b.date }
            if a.type != b.type { return a.type < b.type }
            return a.id < b.id
        }
        return records
    }
}

/// Same student, date, type and text: the same record filed twice.
struct RecordFingerprint: Hashable {
    var student: String
    var date: Day
    var type: RecordType
    /// The body's Markdown as written: two texts are the same when they
    /// differ only in the blank lines and spaces around them.
    var text: String

    // Bytes, not characters: String hashing normalizes Unicode, which
    // costs more than the rest of the check on a large school.
    static func == (a: RecordFingerprint, b: RecordFingerprint) -> Bool {
        a.student == b.student && a.date == b.date && a.type == b.type
            && trimmed(a.text.utf8).elementsEqual(trimmed(b.text.utf8))
    }

    private static func trimmed(_ bytes: String.UTF8View) -> Substring.UTF8View {
        let isSpace = { (byte: UInt8) in byte == 0x20 || (0x09...0x0D).contains(byte) }
        var text = bytes[...]
        while let first = text.first, isSpace(first) { text = text.dropFirst() }
        while let last = text.last, isSpace(last) { text = text.dropLast() }
        return text
    }

    /// The text is left out of the hash: records of one student, day and
    /// type are few, and only they are compared by text.
    func hash(into hasher: inout Hasher) {
        hasher.combine(date)
        hasher.combine(type)
        var student = student
        student.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
