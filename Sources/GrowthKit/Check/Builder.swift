/// The state of one model build; see `ModelBuilder`.
struct Builder {
    let ids: KnownIDs
    let settings: SchoolSettings?
    let parsedSettings: Parsed<SchoolSettings>?
    var dates: CheckDates?
    var diagnostics: [Diagnostic] = []
    /// References to ids whose file has errors, by that file: said once there.
    var brokenReferences: [String: Int] = [:]

    init(ids: KnownIDs, settings: SchoolSettings?, parsedSettings: Parsed<SchoolSettings>?) {
        self.ids = ids
        self.settings = settings
        self.parsedSettings = parsedSettings
    }

    mutating func error(_ rule: Rule, at location: SourceLocation, _ message: String) {
        diagnostics.append(.error(rule, at: location, message))
    }

    mutating func warning(_ rule: Rule, at location: SourceLocation, _ message: String) {
        diagnostics.append(.warning(rule, at: location, message))
    }

    /// Reports every unknown id among `references`; returns the unknown ones.
    mutating func unresolved(_ references: [IDReference]) -> Set<String> {
        var unknown: Set<String> = []
        for reference in references where !ids.contains(reference) {
            unknown.insert(reference.field + ":" + reference.id)
            let file: String
            switch reference.kind {
            case .student: file = "there is no students/\(reference.id)/index.md"
            case .tutor: file = "there is no tutors/\(reference.id).md"
            case .schoolClass: file = "there is no classes/\(reference.id).md"
            case .term: file = "school.yml lists no such term"
            }
            if reference.field == "folder" { continue }  // reported once per folder below
            if ids.isBroken(reference) {
                brokenReferences[KnownIDs.file(reference.kind, reference.id), default: 0] += 1
                continue
            }
            let consequence = reference.field == "class" ? "; the student is left out until it is fixed" : ""
            error(
                .unknownID, at: reference.location,
                "no \(reference.kind.rawValue) has the id `\(reference.id)` (\(file))\(consequence)")
        }
        return unknown
    }

    /// Checks that a dated thing lies in a term and not after the as-of date.
    /// Returns false when it must be left out. A day between two terms is
    /// kept with a warning: it stays in the growth file and counts for no period.
    mutating func checkDate(_ day: Day, at location: SourceLocation, what: String) -> Bool {
        guard let settings, let dates else { return true }
        let span = settings.span
        if day < span.start || day > span.end {
            let advice =
                day > span.end
                ? "after the last term in school.yml (it ends \(span.end)): add the new term to `terms`"
                : "before the first term in school.yml (it starts \(span.start))"
            error(.dateOutsideTerm, at: location, "\(what) is dated \(day), \(advice); it is left out")
            return false
        }
        if day > dates.today {
            error(.dateInFuture, at: location, "\(what) is dated \(day), after today (\(dates.today)); it is left out")
            return false
        }
        if day > dates.asOf {
            warning(
                .dateAfterAsOf, at: location,
                "\(what) is dated \(day), after the as-of date \(dates.asOf); it is left out of this build")
            return false
        }
        if settings.term(containing: day) == nil {
            let before = settings.term(asOf: day)
            let after = settings.term(after: before)
            warning(
                .dateBetweenTerms, at: location,
                "\(what) is dated \(day), between term \(before.id) (ends \(before.end)) and term "
                    + "\(after?.id ?? "?") (starts \(after.map { $0.start.iso } ?? "?")): it stays in the growth file "
                    + "and counts for no term")
        }
        return true
    }

    mutating func build(_ inventory: Inventory) -> School? {
        let classes = inventory.classes.map { parsed -> SchoolClass in
            var value = parsed.value
            if !unresolved(parsed.references).isEmpty { value.headTeacher = nil }
            return value
        }
        let tutors = inventory.tutors.map(\.value)
        let tutorsLeft = Dictionary(uniqueKeysWithValues: tutors.compactMap { t in t.left.map { (t.id, $0) } })
        let students = buildStudents(inventory.students).map { student in
            var student = student
            for index in student.tutors.indices {
                student.tutors[index].until = tutorsLeft[student.tutors[index].tutor]
            }
            return student
        }
        let studentsByID = Dictionary(uniqueKeysWithValues: students.map { ($0.id, $0) })
        reportMissingStudentFolders(inventory.records)
        let records = buildRecords(inventory.records, students: studentsByID)
        let forums = buildForums(inventory.forums)
        let summaries = buildSummaries(inventory.summaries)
        let surveys = buildSurveys(inventory.surveys, students: studentsByID)
        checkCapacity(tutors: inventory.tutors, students: students)
        checkCoverage(tutors: tutors, students: students)
        checkReviews(records, students: studentsByID)
        checkPartnerRecords(records, students: students)
        for (file, count) in brokenReferences.sorted(by: { $0.key < $1.key }) {
            let effect =
                file.hasPrefix("classes/")
                ? "the \(count) student\(count == 1 ? "" : "s") of this class \(count == 1 ? "is" : "are") left out"
                : "\(count) place\(count == 1 ? "" : "s") naming it \(count == 1 ? "is" : "are") read without it"
            warning(
                .unknownID, at: SourceLocation(path: file),
                "this file has errors, so it is left out, and \(effect) until it is fixed")
        }

        guard let settings else { return nil }
        return School(
            settings: settings, classes: classes.sorted { $0.id < $1.id }, tutors: tutors.sorted { $0.id < $1.id },
            students: students.sorted { $0.id < $1.id }, records: records, forums: forums, surveys: surveys,
            summaries: summaries)
    }

    mutating func buildStudents(_ parsedStudents: [Parsed<Student>]) -> [Student] {
        parsedStudents.compactMap { parsed in
            var student = parsed.value
            let unknown = unresolved(parsed.references)
            if unknown.contains("class:" + student.classID) { return nil }
            student.partners.removeAll {
                unknown.contains("partner:" + $0.student) || unknown.contains("partners:" + $0.student)
            }
            student.tutors.removeAll { unknown.contains("tutor:" + $0.tutor) || unknown.contains("tutors:" + $0.tutor) }
            if parsed.value.tutors.isEmpty {
                error(.noTutor, at: student.source, "the student has no tutor: add `tutor: <tutor id>`")
            }
            for (previous, next) in zip(student.tutors, student.tutors.dropFirst()) where previous.tutor == next.tutor {
                error(
                    .duplicateID, at: parsed.fieldLocations["tutor"] ?? student.source,
                    "`\(next.tutor)` follows itself in `tutors`; list each change once")
            }
            return student
        }
    }

    mutating func reportMissingStudentFolders(_ records: [Parsed<Record>]) {
        var reported: Set<String> = []
        for parsed in records where !ids.students.contains(parsed.value.studentID) {
            let id = parsed.value.studentID
            guard reported.insert(id).inserted else { continue }
            let count = records.count { $0.value.studentID == id }
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

    mutating func buildRecords(_ parsedRecords: [Parsed<Record>], students: [String: Student]) -> [Record] {
        var records: [Record] = []
        records.reserveCapacity(parsedRecords.count)
        // Same student, date, type and text: the same record filed twice.
        struct Fingerprint: Hashable {
            var student: String
            var date: Day
            var type: RecordType
            var text: String

            // Bytes, not characters: String hashing normalizes Unicode, which
            // costs more than the rest of the check on a large school.
            static func == (a: Fingerprint, b: Fingerprint) -> Bool {
                a.student == b.student && a.date == b.date && a.type == b.type && a.text.utf8.elementsEqual(b.text.utf8)
            }

            func hash(into hasher: inout Hasher) {
                hasher.combine(date)
                hasher.combine(type)
                var student = student
                student.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
                var text = text
                text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            }
        }
        var seen: [Fingerprint: SourceLocation] = [:]
        for parsed in parsedRecords {
            var record = parsed.value
            guard let student = students[record.studentID] else { continue }
            let unknown = unresolved(parsed.references)
            if let tutor = record.tutorID, unknown.contains("tutor:" + tutor) { record.tutorID = nil }
            guard checkDate(record.date, at: parsed.dateLocation ?? record.source, what: "the record") else { continue }
            if parsed.fieldLocations["confidential"] == nil, let settings {
                record.isConfidential = settings.policy(for: settings.term(asOf: record.date)).confidentialByDefault
                    .contains(record.type)
            }
            let fingerprint = Fingerprint(
                student: record.studentID, date: record.date, type: record.type, text: record.body.html)
            if let first = seen[fingerprint] {
                error(
                    .duplicateRecord, at: record.source,
                    "the same \(record.type.rawValue) of \(record.date) is already recorded in \(first.path); it is left out"
                )
                continue
            }
            seen[fingerprint] = record.source
            if record.tutorID == nil {
                record.tutorID = student.tutor(on: record.date)
                if record.tutorID == nil, !student.tutors.isEmpty {
                    warning(
                        .noTutor, at: record.source,
                        "the student had no tutor on \(record.date) and the record names none: add `tutor: <id>`")
                }
            }
            records.append(record)
        }
        return records.sorted { ($0.studentID, $0.date, $0.type, $0.id) < ($1.studentID, $1.date, $1.type, $1.id) }
    }

    mutating func buildForums(_ parsedForums: [Parsed<Forum>]) -> [Forum] {
        parsedForums.compactMap { parsed in
            var forum = parsed.value
            let unknown = unresolved(parsed.references)
            if let host = forum.host, unknown.contains("host:" + host) { forum.host = nil }
            forum.attendees.removeAll { unknown.contains("attendees:" + $0) }
            forum.cases.removeAll { unknown.contains("cases:" + $0) }
            guard checkDate(forum.date, at: parsed.dateLocation ?? forum.source, what: "the forum") else { return nil }
            return forum
        }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
    }

    mutating func buildSummaries(_ parsed: [Parsed<TutorSummary>]) -> [TutorSummary] {
        parsed.compactMap { parsed -> TutorSummary? in
            let summary = parsed.value
            guard ids.tutors.contains(summary.tutorID) else {
                error(
                    .missingFile, at: summary.source,
                    "there is no tutors/\(summary.tutorID).md, so the summary has no tutor; it is left out")
                return nil
            }
            guard checkDate(summary.date, at: parsed.dateLocation ?? summary.source, what: "the summary") else {
                return nil
            }
            return summary
        }.sorted { ($0.tutorID, $0.date, $0.id) < ($1.tutorID, $1.date, $1.id) }
    }

    mutating func buildSurveys(_ rows: [Parsed<SurveyResponse>], students: [String: Student]) -> [SurveyResponse] {
        var seen: [String: SourceLocation] = [:]
        var responses: [SurveyResponse] = []
        let questions = Set(settings?.surveyQuestions.map(\.id) ?? [])
        var unknownColumns: Set<SourceLocation> = []
        for parsed in rows {
            var response = parsed.value
            for (key, header) in parsed.fieldLocations where key.hasPrefix("question:") {
                let id = String(key.dropFirst("question:".count))
                guard !questions.contains(id) else { continue }
                response.questions[id] = nil
                if unknownColumns.insert(header).inserted {
                    warning(
                        .csvHeader, at: header,
                        "school.yml names no survey question `\(id)` (`survey: { questions: { \(id): … } }`); the column is not read"
                    )
                }
            }
            guard unresolved(parsed.references).isEmpty, let student = students[response.studentID] else { continue }
            guard checkDate(response.date, at: parsed.dateLocation ?? response.source, what: "the answer") else {
                continue
            }
            let key = "\(response.date)|\(response.respondent.rawValue)|\(response.studentID)"
            if let first = seen[key] {
                error(
                    .duplicateRecord, at: response.source,
                    "a second answer of \(response.date) from the \(response.respondent.rawValue) of "
                        + "\(response.studentID); the first is at \(first.path):\(first.line), this one is left out")
                continue
            }
            seen[key] = response.source
            if student.tutor(on: response.date) == nil {
                warning(
                    .noTutor, at: response.source,
                    "\(response.studentID) had no tutor on \(response.date): the answer counts for no tutor")
            }
            responses.append(response)
        }
        return responses.sorted {
            ($0.date, $0.studentID, $0.respondent.rawValue, $0.source) < (
                $1.date, $1.studentID, $1.respondent.rawValue, $1.source
            )
        }
    }

    /// A tutor may follow at most `max_students_per_tutor` students at once.
    mutating func checkCapacity(tutors: [Parsed<Tutor>], students: [Student]) {
        guard let limit = settings?.policy.maxStudentsPerTutor else { return }
        // For each tutor, when each student starts and stops being theirs:
        // from the assignment's first day to the day after its last, which
        // the next assignment, the student's leaving or the tutor's ends.
        var changes: [String: [(day: Int, delta: Int, student: String)]] = [:]
        for student in students {
            for (index, assignment) in student.tutors.enumerated() {
                let days = student.days(ofAssignment: index)
                let start = days.first?.ordinal ?? Int.min
                let end = days.last?.adding(days: 1).ordinal
                if let end, end <= start { continue }
                changes[assignment.tutor, default: []].append((start, 1, student.id))
                if let end { changes[assignment.tutor, default: []].append((end, -1, student.id)) }
            }
        }
        let limitAt = parsedSettings?.fieldLocations["max_students_per_tutor"].map { " (school.yml:\($0.line))" } ?? ""
        for tutor in tutors {
            guard let events = changes[tutor.value.id] else { continue }
            var current: Set<String> = []
            var worst: Set<String> = []
            for event in events.sorted(by: { ($0.day, $0.delta) < ($1.day, $1.delta) }) {
                if event.delta > 0 { current.insert(event.student) } else { current.remove(event.student) }
                if current.count > worst.count { worst = current }
            }
            if worst.count > limit {
                error(
                    .tutorOverCapacity, at: tutor.value.source,
                    "\(tutor.value.id) follows \(worst.count) students at once, more than max_students_per_tutor \(limit)\(limitAt): \(worst.sorted().joined(separator: ", "))"
                )
            }
        }
    }

    /// A `partner` record is of a pair: the student must have a growth
    /// partner on its day, on either side's list.
    mutating func checkPartnerRecords(_ records: [Record], students: [Student]) {
        let partnerRecords = records.filter { $0.type == .partner }
        guard !partnerRecords.isEmpty else { return }
        var pairings: [String: [Partnership]] = [:]
        for student in students {
            for pairing in student.partners {
                pairings[student.id, default: []].append(pairing)
                var other = pairing
                other.student = student.id
                pairings[pairing.student, default: []].append(other)
            }
        }
        for record in partnerRecords
        where !(pairings[record.studentID] ?? []).contains(where: { $0.holds(on: record.date) }) {
            warning(
                .noPartner, at: record.source,
                "\(record.studentID) had no growth partner on \(record.date): add one to `partners` in "
                    + "students/\(record.studentID)/index.md; the activity counts for no pair")
        }
    }

    /// Every staff member is a tutor (seed 002): one who has not left and
    /// follows no student on the as-of date is named.
    mutating func checkCoverage(tutors: [Tutor], students: [Student]) {
        guard let day = dates?.asOf else { return }
        let following = Set(students.compactMap { $0.tutor(on: day) })
        for tutor in tutors where !following.contains(tutor.id) && (tutor.left.map { day <= $0 } ?? true) {
            warning(
                .tutorWithoutStudents, at: tutor.source,
                "\(tutor.id) follows no student on \(day): every staff member is a tutor; "
                    + "give them students with `tutor: \(tutor.id)` (or `left:` if they have left)")
        }
    }

    /// SPEC §7: a review that says `continue` is for a student who stays key
    /// next term; one that says `change` or `close`, for one who does not.
    /// Checked only once the next term is written down in school.yml.
    mutating func checkReviews(_ records: [Record], students: [String: Student]) {
        guard let settings else { return }
        for record in records {
            guard let decision = record.review?.decision, let student = students[record.studentID] else { continue }
            let term = settings.term(asOf: record.date)
            guard let next = settings.term(after: term) else { continue }
            let key = student.isKey(in: next)
            switch decision {
            case .continue where !key:
                warning(
                    .reviewKey, at: record.source,
                    "the review says `decision: continue`, but \(student.id) is not a key student in term \(next.id): "
                        + "add \(next.id) to `key` in students/\(student.id)/index.md, or change the decision")
            case .change where key, .close where key:
                warning(
                    .reviewKey, at: record.source,
                    "the review says `decision: \(decision.rawValue)`, but \(student.id) is still a key student in "
                        + "term \(next.id): take \(next.id) out of `key` in students/\(student.id)/index.md, or change the decision"
                )
            default: break
            }
        }
    }
}
