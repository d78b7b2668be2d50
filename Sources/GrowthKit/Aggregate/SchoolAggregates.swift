import Foundation

/// Everything computed from the school and the as-of date: what the exports
/// and the site show. A pure function of its inputs.
struct SchoolAggregates: Sendable {
    /// The build's as-of date.
    var asOf: Day
    /// Every term begun by the as-of date, oldest first; the last is the
    /// as-of term (SPEC §7).
    var terms: [TermAggregates]
    /// By student id: the whole stay up to the as-of date.
    var trajectories: [String: GrowthTrajectory]
    /// Tutors with an overdue follow-up on a record the audience may not
    /// read: set by the audience filter, which removes the follow-ups.
    var hiddenOverdueFollowUps: Set<String> = []

    init(school: School, asOf: Day) {
        let settings = school.settings
        let asOf = max(asOf, settings.terms[0].start)
        self.asOf = asOf
        let shown = settings.term(asOf: asOf)
        let begun = settings.terms.filter { $0.start <= shown.start }
        let records = Dictionary(grouping: school.records.filter { $0.date <= asOf }, by: \.studentID)
        // Each term and each run of students' trajectories on its own core:
        // none reads another's result.
        let students = school.students
        let runLength = max(64, students.count / 16)
        let runs = stride(from: 0, to: students.count, by: runLength).map {
            $0..<min($0 + runLength, students.count)
        }
        let made = inParallel(Array(0..<(begun.count + runs.count))) { index -> Made in
            guard index >= begun.count else {
                return .term(TermAggregates(school: school, term: begun[index], asOf: asOf))
            }
            return .trajectories(
                students[runs[index - begun.count]].map { student in
                    (student.id, GrowthTrajectory.make(for: student, records: records[student.id] ?? [], asOf: asOf))
                })
        }
        var terms: [TermAggregates] = []
        var trajectories: [(String, GrowthTrajectory)] = []
        for part in made {
            switch part {
            case .term(let term): terms.append(term)
            case .trajectories(let run): trajectories += run
            }
        }
        self.terms = terms
        self.trajectories = Dictionary(uniqueKeysWithValues: trajectories)
    }

    /// What one worker of `init` makes: a term's figures, or a run of students' trajectories.
    private enum Made: Sendable {
        case term(TermAggregates)
        case trajectories([(String, GrowthTrajectory)])
    }

    /// The as-of term's figures: what the site's root pages and `data/` show.
    var current: TermAggregates { terms[terms.count - 1] }

    var compliance: ComplianceReport { current.compliance }
    var evaluation: Evaluation { current.evaluation }

    /// Terms that ended before the as-of date: each gets its own pages.
    var endedTerms: [TermAggregates] { terms.filter(\.hasEnded) }
}

/// One term's figures (SPEC §3, per term with that term's rules).
struct TermAggregates: Sendable {
    var term: Term
    /// The rules in force in the term.
    var policy: Policy
    var evaluationSettings: EvaluationSettings
    /// The day the figures are for: the build's as-of date, or the term's last
    /// day once it has ended, so an ended term's figures never change.
    var asOf: Day
    /// Whether the term ended before the build's as-of date.
    var hasEnded: Bool
    var compliance: ComplianceReport
    var evaluation: Evaluation
    /// How many students of each class live in each family structure: counts
    /// that stay when the staff audience loses the students' own circumstances.
    var familyCounts: [String: [FamilyStructure: Int]]
    /// The pairs of growth partners of the term.
    var pairs: [PartnerPair]
    /// The same counts for the whole school.
    var schoolFamilyCounts: [FamilyStructure: Int] {
        familyCounts.values.reduce(into: [:]) { total, counts in total.merge(counts, uniquingKeysWith: +) }
    }
    /// The students at the school during the term, the tutors and the classes
    /// its pages list, each in id order.
    var students: [String]
    var tutors: [String]
    var classes: [String]
    // Lookups by id, built once: pages of other terms ask for one entry each.
    private var studentIndex: [String: Int] = [:]
    private var tutorIndex: [String: Int] = [:]
    private var classIndex: [String: Int] = [:]
    private var evaluationIndex: [String: Int] = [:]

    func compliance(ofStudent id: String) -> StudentCompliance? {
        studentIndex[id].map { compliance.students[$0] }
    }

    func compliance(ofTutor id: String) -> TutorCompliance? {
        tutorIndex[id].map { compliance.tutors[$0] }
    }

    func compliance(ofClass id: String) -> ClassCompliance? {
        classIndex[id].map { compliance.classes[$0] }
    }

    func evaluation(ofTutor id: String) -> TutorEvaluation? {
        evaluationIndex[id].map { evaluation.tutors[$0] }
    }

    init(school: School, term: Term, asOf buildAsOf: Day) {
        self.term = term
        policy = school.settings.policy(for: term)
        evaluationSettings = school.settings.evaluation(for: term)
        asOf = min(buildAsOf, term.end)
        hasEnded = term.end < buildAsOf
        let members = TermMembers(school: school, term: term, hasEnded: hasEnded)
        students = members.students.map(\.id)
        tutors = members.tutors.map(\.id)
        classes = members.classes.map(\.id)
        compliance = ComplianceCalculator.report(
            for: school, term: term, students: members.students, tutors: members.tutors, classes: members.classes,
            asOf: asOf)
        evaluation = EvaluationCalculator.evaluate(school, term: term, compliance: compliance)
        var families: [String: [FamilyStructure: Int]] = [:]
        for student in members.students {
            if let structure = student.family.read(.counting)?.structure {
                families[student.classID, default: [:]][structure, default: 0] += 1
            }
        }
        familyCounts = families
        pairs = PartnerPair.pairs(in: school, term: term, asOf: asOf)
        for (index, row) in compliance.students.enumerated() { studentIndex[row.studentID] = index }
        for (index, row) in compliance.tutors.enumerated() { tutorIndex[row.tutorID] = index }
        for (index, row) in compliance.classes.enumerated() { classIndex[row.classID] = index }
        for (index, row) in evaluation.tutors.enumerated() { evaluationIndex[row.tutorID] = index }
    }
}

/// Who a term's pages list. The running term lists every class and every
/// tutor who had not left by its start; an ended term only those who took
/// part in it (a student of theirs, a record, a forum), so pages of an ended
/// term stay the same when later terms bring new classes and tutors.
struct TermMembers {
    var students: [Student]
    var tutors: [Tutor]
    var classes: [SchoolClass]

    init(school: School, term: Term, hasEnded: Bool) {
        students = school.students.filter { $0.isPresent(during: term) }
        guard hasEnded else {
            tutors = school.tutors.filter { $0.left.map { term.start <= $0 } ?? true }
            classes = school.classes
            return
        }
        var active: Set<String> = []
        for student in students {
            for (index, assignment) in student.tutors.enumerated() {
                let days = student.days(ofAssignment: index)
                if (days.first ?? term.start) <= term.end, days.last.map({ term.start <= $0 }) ?? true {
                    active.insert(assignment.tutor)
                }
            }
        }
        for record in school.records where term.contains(record.date) {
            if let tutor = record.tutorID { active.insert(tutor) }
        }
        for forum in school.forums where term.contains(forum.date) {
            active.formUnion(forum.attendees)
            if let host = forum.host { active.insert(host) }
        }
        tutors = school.tutors.filter { active.contains($0.id) }
        let classIDs = Set(students.map(\.classID))
        classes = school.classes.filter { classIDs.contains($0.id) }
    }
}
