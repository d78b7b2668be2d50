import Foundation
import Testing

@testable import GrowthKit

/// SPEC §7 on `Fixtures/terms`: two terms with different rules, a student who
/// leaves, one who joins, a tutor who leaves. Every number is worked out by
/// hand in the comments.
@Suite struct TermFiguresTests {
    let school: School
    let checked: CheckedContent

    init() async throws {
        checked = await TestContent.check(TestContent.fixture("terms"), asOf: day("2025-12-10"))
        school = try #require(checked.school)
    }

    func aggregates(_ asOf: String) -> SchoolAggregates { SchoolAggregates(school: school, asOf: day(asOf)) }

    @Test func theFixtureChecksWithOnlyTheExpectedWarnings() {
        #expect(
            checked.diagnostics.map(\.place) == [
                "date-between-terms students/s1/2025-10-30-home-visit.md:1:1",
                "date-after-as-of students/s1/2025-12-20-review.md:1:1",
            ])
    }

    @Test func anEndedTermIsJudgedWithItsOwnRulesAsOfItsLastDay() throws {
        let all = aggregates("2025-12-10")
        #expect(all.terms.map(\.term.id) == ["2025-1", "2025-2"])
        #expect(all.current.term.id == "2025-2")
        let first = all.terms[0]
        #expect(first.hasEnded && first.asOf == day("2025-10-26"))
        #expect(first.compliance.requiredItems == [.talk])
        // Fortnights end 09-14, 09-28, 10-12, 10-26.
        // s1: talks 09-02, 09-16: 2 of 4.
        #expect(first.compliance(ofStudent: "s1")?.items[.talk] == ItemCompliance(due: 4, met: 2))
        // s2: a talk every fortnight: 4 of 4.
        #expect(first.compliance(ofStudent: "s2")?.items[.talk] == ItemCompliance(due: 4, met: 4))
        // s3: t-b left on 10-12 and t-c only takes over next term: the last
        // fortnight had no tutor and is due from nobody. Talks 09-05, 09-30: 2 of 3.
        #expect(first.compliance(ofStudent: "s3")?.items[.talk] == ItemCompliance(due: 3, met: 2))
        // s4 joins next term: not in this term at all.
        #expect(first.students == ["s1", "s2", "s3"])
        #expect(first.compliance(ofStudent: "s4") == nil)
        // School: (1/2 + 1 + 2/3) / 3.
        #expect(abs((first.compliance.school ?? 0) - (0.5 + 1 + 2.0 / 3) / 3) < 1e-9)
        // t-a: s1 and s2, (1/2 + 1) / 2; t-b: s3, 2/3. t-c took no part.
        #expect(first.tutors == ["t-a", "t-b"])
        #expect(first.compliance(ofTutor: "t-a")?.compliance == 0.75)
        #expect(abs((first.compliance(ofTutor: "t-b")?.compliance ?? 0) - 2.0 / 3) < 1e-9)
    }

    @Test func theRunningTermHasItsOwnCadenceAndItsOwnPeople() throws {
        let term = aggregates("2025-12-10").current
        #expect(!term.hasEnded && term.asOf == day("2025-12-10"))
        // Weekly now, and a term review (not closed yet).
        #expect(term.compliance.requiredItems == [.talk, .review])
        // Weeks closed by 12-10 end 11-09, 11-16, 11-23, 11-30, 12-07.
        // s1: talks 11-04, 11-11, 11-18, 11-25: 4 of 5; the review is not due yet.
        let s1 = try #require(term.compliance(ofStudent: "s1"))
        #expect(s1.items[.talk] == ItemCompliance(due: 5, met: 4))
        #expect(s1.items[.review] == ItemCompliance(due: 0, met: 0))
        #expect(s1.compliance == 0.8)
        // s2 left on 11-23: only the three weeks up to it are due; talks 11-04, 11-11.
        #expect(term.compliance(ofStudent: "s2")?.items[.talk] == ItemCompliance(due: 3, met: 2))
        // s3 with t-c since 11-03, no talk: 0 of 5. s4 joined 11-03, one talk: 1 of 5.
        #expect(term.compliance(ofStudent: "s3")?.items[.talk] == ItemCompliance(due: 5, met: 0))
        #expect(term.compliance(ofStudent: "s4")?.items[.talk] == ItemCompliance(due: 5, met: 1))
        // t-b left before the term: not listed. t-a: (4/5 + 2/3) / 2; t-c: (0 + 1/5) / 2.
        #expect(term.tutors == ["t-a", "t-c"])
        #expect(abs((term.compliance(ofTutor: "t-a")?.compliance ?? 0) - (0.8 + 2.0 / 3) / 2) < 1e-9)
        #expect(abs((term.compliance(ofTutor: "t-c")?.compliance ?? 0) - 0.1) < 1e-9)
        // Overdue as of 12-10 (a week allowed): s1 since 11-25 (15 days); s3 since
        // t-c took over on the term's first day (37); s4 since 11-05 (35). s2 has
        // left: nobody owes anything.
        #expect(
            term.compliance.overdue.map { "\($0.studentID) \($0.item.rawValue) \($0.days)" } == [
                "s3 talk 37", "s4 talk 35", "s1 talk 15",
            ])
    }

    @Test func anAsOfDateInTheBreakShowsTheTermJustEnded() throws {
        let all = SchoolAggregates(school: school, asOf: day("2025-10-30"))
        #expect(all.terms.map(\.term.id) == ["2025-1"])
        #expect(all.current.hasEnded && all.current.asOf == day("2025-10-26"))
        let site = SiteBuilder.build(school: school, asOf: day("2025-10-30"))
        let dashboard = String(decoding: try #require(site.files["index.html"]), as: UTF8.self)
        #expect(dashboard.contains("第一学期 · 统计截至 2025年10月26日"))
        // The shown term is at the root; it has no second copy under terms/.
        #expect(!site.files.keys.contains { $0.hasPrefix("terms/") })
    }

    @Test func aRecordBetweenTermsStaysInTheGrowthFileAndCountsForNoTerm() throws {
        let all = aggregates("2025-12-10")
        let records = try #require(all.trajectories["s1"]).records
        #expect(records.contains { $0.date == day("2025-10-30") && $0.type == .homeVisit })
        let site = SiteBuilder.build(school: school, asOf: day("2025-12-10"))
        let page = String(decoding: try #require(site.files["students/s1/index.html"]), as: UTF8.self)
        // Newest first: the running term, the break, the first term.
        let order = ["id=\"term-2025-2\"", "id=\"break-2025-1\"", "id=\"term-2025-1\""].map {
            page.range(of: $0)?.lowerBound
        }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 } == order.compactMap { $0 }.sorted())
        #expect(page.contains("学期之间（假期）"))
        #expect(page.contains("<li id=\"record-2025-10-30-home-visit\""))
    }
}
