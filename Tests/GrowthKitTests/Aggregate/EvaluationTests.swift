import Testing

@testable import GrowthKit

@Suite struct EvaluationTests {
    private func evaluation(_ aggregates: SchoolAggregates, _ id: String) throws -> TutorEvaluation {
        try #require(aggregates.evaluation.tutors.first { $0.tutorID == id })
    }

    @Test func allFourParts() throws {
        var school = SchoolBuilder(forum: .months(1))
        school.tutor("t-a")
        school.student("s1")
        school.record("s1", "2025-09-03")  // talk: 1 of 2 fortnights by 09-30 → records 50
        school.answer("s1", "2025-09-20", .parent, score: 5)
        school.answer("s1", "2025-09-21", .parent, score: 4)  // parents: mean 4.5 → 87.5
        school.answer("s1", "2025-09-20", .student, score: 2)  // students: 2 → 25
        school.forum("2025-09-26", attendees: ["t-a"])  // forums: 1 of 1 → 100
        let t = try evaluation(school.aggregates(asOf: "2025-09-30"), "t-a")
        #expect(t.parts == EvaluationParts(records: 50, parents: 87.5, students: 25, forums: 100))
        // 0.5×50 + 0.2×87.5 + 0.2×25 + 0.1×100 = 57.5
        #expect(t.score == 57.5)
        #expect(t.grade == .fail)
        #expect(t.isCriticised)
        #expect(t.parentAnswers == 2)
    }

    @Test func aTutorWithNoSurveyAnswersHasTheWeightsRescaled() throws {
        var school = SchoolBuilder(records: [.talk: .weeks(1)], forum: .months(1))
        school.tutor("t-a")
        school.student("s1")
        for date in ["2025-09-02", "2025-09-09", "2025-09-16"] { school.record("s1", date) }
        school.forum("2025-09-26", attendees: ["t-a"])
        // As of 09-30: weeks to 09-28 are closed, 3 of 4 met → records 75; September's forum → 100.
        // Only records (0.5) and forums (0.1) are present: 5/6 and 1/6.
        let t = try evaluation(school.aggregates(asOf: "2025-09-30"), "t-a")
        #expect(t.parts == EvaluationParts(records: 75, parents: nil, students: nil, forums: 100))
        #expect(abs(t.weights.records - 5.0 / 6) < 1e-12)
        #expect(abs(t.weights.forums - 1.0 / 6) < 1e-12)
        #expect(t.weights.parents == 0)
        // 75×5/6 + 100×1/6 = 79.1666… → 79.2, graded good (≥ 75).
        #expect(t.score == 79.2)
        #expect(t.grade == .good)
    }

    @Test func aTutorWithNothingToJudgeHasNoScore() throws {
        var school = SchoolBuilder()
        school.tutor("t-a")
        school.tutor("t-z")  // no students, no forum policy, no answers
        school.student("s1")
        let aggregates = school.aggregates(asOf: "2025-09-30")
        let z = try evaluation(aggregates, "t-z")
        #expect(z.score == nil)
        #expect(z.grade == nil)
        #expect(z.rank == nil)
        #expect(aggregates.evaluation.tutors.last?.tutorID == "t-z")
    }

    @Test func aTieForTheLastCommendationGoesToTheHigherRecordsPart() throws {
        var school = SchoolBuilder(
            records: [.talk: .weeks(1)], commendTop: 2,
            weights: .init(records: 0.5, parents: 0.5, students: 0, forums: 0))
        for id in ["t-a", "t-b", "t-c", "t-d"] { school.tutor(id) }
        for (student, tutor) in [("s1", "t-a"), ("s2", "t-b"), ("s3", "t-c"), ("s4", "t-d")] {
            school.student(student, tutor: tutor)
        }
        // Four weeks to 09-28. t-a: 4/4 talks, parent 5 → (100+100)/2 = 100.
        for date in ["2025-09-02", "2025-09-09", "2025-09-16", "2025-09-23"] { school.record("s1", date) }
        school.answer("s1", "2025-09-25", .parent, score: 5)
        // t-b: 3/4 → 75, parent 5 → 100: 87.5. t-c: 4/4 → 100, parent 4 → 75: 87.5.
        for date in ["2025-09-02", "2025-09-09", "2025-09-16"] { school.record("s2", date) }
        school.answer("s2", "2025-09-25", .parent, score: 5)
        for date in ["2025-09-02", "2025-09-09", "2025-09-16", "2025-09-23"] { school.record("s3", date) }
        school.answer("s3", "2025-09-25", .parent, score: 4)
        // t-d: 0/4 → 0, parent 1 → 0: 0, fail.
        school.answer("s4", "2025-09-25", .parent, score: 1)
        let evaluation = school.aggregates(asOf: "2025-09-28").evaluation
        #expect(
            evaluation.tutors.map { "\($0.tutorID) \($0.score!) \($0.grade!)" } == [
                "t-a 100.0 excellent", "t-c 87.5 good", "t-b 87.5 good", "t-d 0.0 fail",
            ])
        #expect(evaluation.tutors.map(\.rank) == [1, 2, 3, 4])
        // t-b and t-c tie at 87.5; t-c's records part (100) beats t-b's (75).
        #expect(evaluation.commended == ["t-a", "t-c"])
        #expect(evaluation.criticised == ["t-d"])
    }

    @Test func onlyGoodOrBetterIsCommended() throws {
        var school = SchoolBuilder(records: [.talk: .weeks(1)])
        // s1 is overdue on both days; that rule has its own test below.
        school.school.settings.evaluation.commendWithOverdue = true
        school.tutor("t-a")
        school.student("s1")
        school.record("s1", "2025-09-02")
        school.record("s1", "2025-09-09")
        school.record("s1", "2025-09-16")
        // 3 of 4 weeks → 75.0: good, the lowest good; 2 of 4 would be 50, fail.
        #expect(school.aggregates(asOf: "2025-09-28").evaluation.commended == ["t-a"])
        #expect(school.aggregates(asOf: "2025-10-05").evaluation.commended == [])  // 3 of 5 → 60, pass
    }

    /// SPEC §3: not a tutor with a student overdue on the as-of date, unless
    /// `evaluation.commend_with_overdue: true`; the next best is commended.
    @Test func aTutorWithAnOverdueStudentIsNotCommended() throws {
        var school = SchoolBuilder(records: [.talk: .weeks(1)], commendTop: 1)
        school.tutor("t-a")
        school.tutor("t-b")
        school.student("s1", tutor: "t-a")
        school.student("s2", tutor: "t-b")
        // Both meet all four closed weeks to 09-28, t-a ranks first (more records); but
        // s1's last talk is 09-22, so on 09-30 s1 is overdue (8 days > 7).
        for date in ["2025-09-01", "2025-09-02", "2025-09-09", "2025-09-16", "2025-09-22"] { school.record("s1", date) }
        for date in ["2025-09-02", "2025-09-09", "2025-09-16", "2025-09-29"] { school.record("s2", date) }
        let evaluation = school.aggregates(asOf: "2025-09-30").evaluation
        let a = try #require(evaluation.tutors.first { $0.tutorID == "t-a" })
        #expect(a.rank == 1 && a.score == 100)
        #expect(a.passedOverForOverdue && !a.isCommended)
        #expect(evaluation.commended == ["t-b"])
        school.school.settings.evaluation.commendWithOverdue = true
        #expect(school.aggregates(asOf: "2025-09-30").evaluation.commended == ["t-a"])
    }

    @Test func surveyAnswersCountForTheTutorOnTheirDate() throws {
        var school = SchoolBuilder()
        school.tutor("t-a")
        school.tutor("t-b")
        school.student("s1", history: [("t-a", "2025-09-01"), ("t-b", "2025-10-01")])
        school.answer("s1", "2025-09-20", .parent, score: 1)
        school.answer("s1", "2025-10-20", .parent, score: 5)
        let aggregates = school.aggregates(asOf: "2025-10-31")
        #expect(try evaluation(aggregates, "t-a").parts.parents == 0)
        #expect(try evaluation(aggregates, "t-b").parts.parents == 100)
    }
}
