@testable import GrowthKit

/// Schools as values, for tests of the stages after the check.
struct SchoolBuilder {
    var school: School

    init(
        start: String = "2025-09-01", end: String = "2026-01-16", records: [RecordType: Cadence] = [.talk: .weeks(2)],
        forum: Cadence? = nil, appliesTo: PolicyScope = .all, graceDays: Int = 0, commendTop: Int = 3,
        weights: EvaluationSettings.Weights = .init()
    ) {
        var policy = Policy()
        policy.records = records
        policy.forum = forum
        policy.appliesTo = appliesTo
        policy.graceDays = graceDays
        let settings = SchoolSettings(
            name: "测试学校", term: Term(name: "第一学期", start: day(start), end: day(end)), policy: policy,
            evaluation: EvaluationSettings(weights: weights, commendTop: commendTop))
        school = School(
            settings: settings,
            classes: [
                SchoolClass(
                    id: "c1", name: "一班", grade: "2025级", major: nil, headTeacher: "t-a", description: .empty,
                    source: SourceLocation(path: "classes/c1.md"))
            ])
    }

    mutating func tutor(_ id: String) {
        school.tutors.append(
            Tutor(
                id: id, name: id, role: .teacher, subject: nil, phone: nil, bio: .empty,
                source: SourceLocation(path: "tutors/\(id).md")))
    }

    /// A student; `tutors` is `[("t-a", "2025-09-01"), …]`, or one tutor from the start.
    mutating func student(_ id: String, tutor: String? = "t-a", history: [(String, String)] = [], key: Bool = false) {
        let assignments =
            history.isEmpty
            ? tutor.map { [TutorAssignment(tutor: $0, from: nil)] } ?? []
            : history.map { TutorAssignment(tutor: $0.0, from: day($0.1)) }
        school.students.append(
            Student(
                id: id, name: id, classID: "c1", tutors: assignments, key: key ? .every : .none,
                family: nil, background: .empty, source: SourceLocation(path: "students/\(id)/index.md")))
    }

    mutating func record(
        _ student: String, _ date: String, _ type: RecordType = .talk, mood: Int? = nil, tutor: String? = nil,
        followUps: [FollowUp] = []
    ) {
        let on = day(date)
        school.records.append(
            Record(
                id: "\(date)-\(type.rawValue)-\(school.records.count)", studentID: student, date: on, type: type,
                slug: nil, tutorID: tutor ?? school.students.first { $0.id == student }?.tutor(on: on), mood: mood,
                areas: [], duration: nil, isConfidential: false, followUps: followUps, body: .empty,
                source: SourceLocation(path: "students/\(student)/\(date)-\(type.rawValue).md")))
    }

    mutating func forum(_ date: String, attendees: [String], host: String? = nil) {
        school.forums.append(
            Forum(
                id: date, date: day(date), topic: "研讨", host: host, attendees: attendees, cases: [],
                analysis: .none, source: SourceLocation(path: "forums/\(date).md")))
    }

    mutating func answer(
        _ student: String, _ date: String, _ respondent: Respondent, score: Int, contacted: Bool = true
    ) {
        school.surveys.append(
            SurveyResponse(
                date: day(date), respondent: respondent, studentID: student, score: score, contacted: contacted,
                comment: .none, source: SourceLocation(path: "surveys/a.csv", line: school.surveys.count + 2)))
    }

    func aggregates(asOf: String) -> SchoolAggregates { SchoolAggregates(school: school, asOf: day(asOf)) }
}

func day(_ iso: String) -> Day { Day(iso: iso)! }

extension Record {
    /// What the record says, read as leadership would.
    var said: RecordContent { content.read(.counting)! }
}
