/// The rules that need more than one file: ids that must resolve, dates
/// against the terms, duplicates, capacity, reviews, partners. One build's
/// state; each rule is an extension in `Rules/`, named for what it checks.
struct CrossFileRules {
    let ids: KnownIDs
    let settings: SchoolSettings?
    let parsedSettings: Parsed<SchoolSettings>?
    var dates: CheckDates?
    /// The day each file was first committed, from git: each record's
    /// written day, set as it is built (one not committed yet: today).
    var written: GitHistory.FirstCommits?
    var diagnostics: [Diagnostic] = []
    /// References to ids whose file has errors, by that file: said once there.
    var brokenReferences: [String: Int] = [:]
    /// How many records each student id without a profile has.
    var recordsWithoutStudent: [String: Int] = [:]

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

    /// The school from the inventory; its parsed records are used up.
    mutating func build(_ inventory: inout Inventory) -> School? {
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
        let records = buildRecords(
            &inventory.records, students: students,
            positions: Dictionary(uniqueKeysWithValues: students.indices.map { (students[$0].id, $0) }))
        reportMissingStudentFolders()
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
}
