import Testing

@testable import GrowthKit

/// Compliance and overdue alerts, each with its number worked out by hand.
@Suite struct ComplianceTests {
    private func student(_ aggregates: SchoolAggregates, _ id: String) throws -> StudentCompliance {
        try #require(aggregates.compliance.students.first { $0.studentID == id })
    }

    private func tutor(_ aggregates: SchoolAggregates, _ id: String) throws -> TutorCompliance {
        try #require(aggregates.compliance.tutors.first { $0.tutorID == id })
    }

    @Test func theAsOfDateInsideAnOpenPeriod() throws {
        var school = SchoolBuilder()
        school.tutor("t-a")
        school.student("s1")
        school.record("s1", "2025-09-16")  // in the open second fortnight: not judged yet
        // 2025-09-20: only 09-01…09-14 is closed, and it holds no talk.
        let early = try student(school.aggregates(asOf: "2025-09-20"), "s1")
        #expect(early.items[.talk] == ItemCompliance(due: 1, met: 0))
        #expect(early.compliance == 0)
        // 2025-09-28 closes the second fortnight, which holds the talk.
        let later = try student(school.aggregates(asOf: "2025-09-28"), "s1")
        #expect(later.items[.talk] == ItemCompliance(due: 2, met: 1))
        #expect(later.compliance == 0.5)
    }

    @Test func monthsAndTheTermItemTogether() throws {
        var school = SchoolBuilder(records: [.phoneVisit: .months(1), .homeVisit: .term])
        school.tutor("t-a")
        school.student("s1")
        school.record("s1", "2025-09-10", .phoneVisit)
        school.record("s1", "2025-11-03", .phoneVisit)
        school.record("s1", "2025-12-20", .homeVisit)
        // As of 2025-12-31: Sept, Oct, Nov, Dec closed → phone 2 of 4; the term is still open.
        let december = try student(school.aggregates(asOf: "2025-12-31"), "s1")
        #expect(december.items[.phoneVisit] == ItemCompliance(due: 4, met: 2))
        #expect(december.items[.homeVisit] == ItemCompliance(due: 0, met: 0))
        #expect(december.compliance == 0.5)  // the home visit has no closed period yet
        // At the term's end January (cut to the 16th) closes too: phone 2 of 5, home 1 of 1.
        let end = try student(school.aggregates(asOf: "2026-01-16"), "s1")
        #expect(end.items[.phoneVisit] == ItemCompliance(due: 5, met: 2))
        #expect(end.items[.homeVisit] == ItemCompliance(due: 1, met: 1))
        #expect(end.compliance == (0.4 + 1) / 2)
    }

    @Test func aTutorChangeMidTermSplitsThePeriods() throws {
        var school = SchoolBuilder()
        school.tutor("t-a")
        school.tutor("t-b")
        school.student("s1", history: [("t-a", "2025-09-01"), ("t-b", "2025-10-01")])
        school.record("s1", "2025-09-05")
        school.record("s1", "2025-09-20")
        school.record("s1", "2025-10-14")
        // Fortnights ending 09-14, 09-28 belong to t-a (both met); 10-12, 10-26 to t-b (one met).
        let aggregates = school.aggregates(asOf: "2025-10-26")
        #expect(try student(aggregates, "s1").items[.talk] == ItemCompliance(due: 4, met: 3))
        #expect(try student(aggregates, "s1").tutorID == "t-b")
        #expect(try tutor(aggregates, "t-a").compliance == 1)
        #expect(try tutor(aggregates, "t-b").compliance == 0.5)
        #expect(try tutor(aggregates, "t-a").students == ["s1"])
    }

    @Test func aStudentWhoseTutorStartsLateIsNotDueBefore() throws {
        var school = SchoolBuilder()
        school.tutor("t-a")
        school.student("s1", history: [("t-a", "2025-10-01")])
        // Fortnights ending 09-14 and 09-28 had no tutor; 10-12 and 10-26 are due.
        let s1 = try student(school.aggregates(asOf: "2025-10-26"), "s1")
        #expect(s1.items[.talk] == ItemCompliance(due: 2, met: 0))
        // Overdue counts from the assignment's start: 25 days > 14.
        #expect(s1.overdue.map(\.days) == [25])
    }

    @Test func aStudentWithNoRecordsIsOverdueSinceTheTermStarted() throws {
        var school = SchoolBuilder(records: [.talk: .weeks(2), .report: .months(1)])
        school.tutor("t-a")
        school.student("s1")
        let s1 = try student(school.aggregates(asOf: "2025-10-15"), "s1")
        #expect(s1.items[.talk] == ItemCompliance(due: 3, met: 0))
        #expect(s1.items[.report] == ItemCompliance(due: 1, met: 0))
        #expect(s1.compliance == 0)
        // 44 days since 09-01: talk allows 14, report 30.
        #expect(s1.overdue.map { "\($0.item) \($0.days) \($0.allowed)" } == ["talk 44 14", "report 44 30"])
    }

    @Test func graceDaysDelayTheAlert() throws {
        var school = SchoolBuilder(records: [.talk: .weeks(1)], graceDays: 3)
        school.tutor("t-a")
        school.student("s1")
        school.record("s1", "2025-09-01")
        // 7 + 3 = 10 days allowed.
        #expect(try student(school.aggregates(asOf: "2025-09-11"), "s1").overdue.isEmpty)
        let late = try student(school.aggregates(asOf: "2025-09-12"), "s1").overdue
        #expect(late.map { "\($0.days) \($0.allowed) \($0.lastRecord?.iso ?? "-")" } == ["11 10 2025-09-01"])
    }

    @Test func overdueIsListedWorstFirst() throws {
        var school = SchoolBuilder(records: [.talk: .weeks(1)])
        school.tutor("t-a")
        for id in ["s1", "s2", "s3"] { school.student(id) }
        school.record("s1", "2025-09-20")
        school.record("s3", "2025-09-10")
        let overdue = school.aggregates(asOf: "2025-09-30").compliance.overdue
        #expect(overdue.map { "\($0.studentID) \($0.days)" } == ["s2 29", "s3 20", "s1 10"])
    }

    @Test func appliesToKeyJudgesOnlyKeyStudents() throws {
        var school = SchoolBuilder(appliesTo: .key)
        school.tutor("t-a")
        school.student("s1", key: true)
        school.student("s2")
        school.record("s1", "2025-09-02")
        let aggregates = school.aggregates(asOf: "2025-09-28")
        #expect(try student(aggregates, "s1").items[.talk] == ItemCompliance(due: 2, met: 1))
        let s2 = try student(aggregates, "s2")
        #expect(!s2.isRequired)
        #expect(s2.items.isEmpty)
        #expect(s2.compliance == nil)
        #expect(s2.overdue.isEmpty)
        #expect(aggregates.compliance.school == 0.5)
        #expect(aggregates.compliance.classes.first?.compliance == 0.5)
        #expect(try tutor(aggregates, "t-a").students == ["s1"])
    }

    @Test func tutorClassAndSchoolAreMeansOverStudents() throws {
        var school = SchoolBuilder(records: [.talk: .weeks(2), .report: .months(1)])
        school.tutor("t-a")
        school.tutor("t-b")
        school.student("s1")
        school.student("s2")
        school.student("s3", tutor: "t-b")
        school.record("s1", "2025-09-03")
        school.record("s1", "2025-09-16")
        school.record("s1", "2025-09-20", .report)
        school.record("s2", "2025-09-03")
        // As of 09-30: talk 2 periods, report 1.
        // s1: talk 2/2, report 1/1 → 1. s2: talk 1/2, report 0/1 → 0.25. s3: 0.
        let aggregates = school.aggregates(asOf: "2025-09-30")
        #expect(try student(aggregates, "s2").compliance == 0.25)
        #expect(try tutor(aggregates, "t-a").compliance == 0.625)
        #expect(try tutor(aggregates, "t-b").compliance == 0)
        #expect(aggregates.compliance.school == 1.25 / 3)
        #expect(aggregates.compliance.items[.talk] == ItemCompliance(due: 6, met: 3))
    }

    @Test func aForumPeriodWithNoForumHeldIsNotCounted() throws {
        var school = SchoolBuilder(end: "2025-11-30", forum: .months(1))
        school.tutor("t-a")
        school.tutor("t-b")
        school.forum("2025-09-26", attendees: ["t-b"], host: "t-a")
        // No forum in October.
        school.forum("2025-11-28", attendees: ["t-a"])
        let aggregates = school.aggregates(asOf: "2025-11-30")
        #expect(try tutor(aggregates, "t-a").forums == ItemCompliance(due: 2, met: 2))  // the host attends
        #expect(try tutor(aggregates, "t-b").forums == ItemCompliance(due: 2, met: 1))
    }
}
