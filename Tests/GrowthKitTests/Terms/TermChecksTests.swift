import Foundation
import Testing

@testable import GrowthKit

/// Every check SPEC §7 adds, at its line and column, on the minimal school
/// with two terms.
@Suite struct TermChecksTests {
    static let twoTerms = """
        name: 测试学校
        terms:
          - { id: 2025-1, name: 第一学期, start: 2025-09-01, end: 2026-01-16 }
          - { id: 2025-2, name: 第二学期, start: 2026-02-23, end: 2026-07-10 }
        policy:
          talk: { every: 2 weeks }
        """

    private func places(_ files: [String: String]) async throws -> [String] {
        try await TestContent.check(adding: files).diagnostics.map(\.place)
    }

    @Test func twoTermsCheckClean() async throws {
        #expect(try await places(["school.yml": Self.twoTerms]) == [])
    }

    @Test func overlappingAndUnorderedTermsPointAtTheStart() async throws {
        let overlapping = """
            name: 测试学校
            terms:
              - { id: 2025-1, name: 第一学期, start: 2025-09-01, end: 2026-01-16 }
              - { id: 2025-2, name: 第二学期, start: 2026-01-10, end: 2026-07-10 }
            """
        #expect(try await places(["school.yml": overlapping]) == ["term-order school.yml:4:38"])
        let unordered = """
            name: 测试学校
            terms:
              - { id: 2025-2, name: 第二学期, start: 2026-02-23, end: 2026-07-10 }
              - { id: 2025-1, name: 第一学期, start: 2025-09-01, end: 2026-01-16 }
            """
        #expect(try await places(["school.yml": unordered]) == ["term-order school.yml:4:38"])
    }

    @Test func aTermThatEndsBeforeItStarts() async throws {
        let backwards = """
            name: 测试学校
            terms:
              - { id: 2025-1, name: 第一学期, start: 2025-09-01, end: 2025-08-01 }
            """
        let checked = try await TestContent.check(adding: ["school.yml": backwards])
        #expect(checked.diagnostics.map(\.place) == ["invalid-value school.yml:3:55"])
        #expect(checked.diagnostics.first?.message == "the term ends (2025-08-01) before it starts (2025-09-01)")
    }

    @Test func anOverrideNamingAnUnknownItem() async throws {
        let override = """
            name: 测试学校
            terms:
              - id: 2025-1
                name: 第一学期
                start: 2025-09-01
                end: 2026-01-16
                policy:
                  talks: { every: 1 week }
            """
        let checked = try await TestContent.check(adding: ["school.yml": override])
        #expect(checked.diagnostics.map(\.place) == ["unknown-field school.yml:8:7"])
        #expect(
            checked.diagnostics.first?.message.hasPrefix("`talks` is not a field of the policy of term 2025-1") == true)
        // The override replaces the school's policy whole: nothing is required.
        #expect(checked.school?.settings.policy(for: checked.school!.settings.terms[0]).records == [:])
    }

    @Test func termAndTermsTogetherAndARepeatedId() async throws {
        let both = """
            name: 测试学校
            term: { name: 第一学期, start: 2025-09-01, end: 2026-01-16 }
            terms:
              - { id: 2025-1, name: 第一学期, start: 2025-09-01, end: 2026-01-16 }
              - { id: 2025-1, name: 第二学期, start: 2026-02-23, end: 2026-07-10 }
            """
        #expect(
            try await places(["school.yml": both]) == [
                "invalid-value school.yml:2:1", "duplicate-id school.yml:5:11",
            ])
    }

    @Test func aRecordBetweenTermsIsKeptWithAWarning() async throws {
        let checked = try await TestContent.check(adding: [
            "school.yml": Self.twoTerms,
            "students/s1/2026-02-05-home-visit.md": "---\n---\n春节家访。\n",
            "students/s1/2026-07-20-talk.md": "---\n---\n暑假。\n",
        ])
        #expect(
            checked.diagnostics.map(\.place) == [
                "date-between-terms students/s1/2026-02-05-home-visit.md:1:1",
                "date-outside-term students/s1/2026-07-20-talk.md:1:1",
            ])
        #expect(checked.diagnostics[0].severity == .warning)
        #expect(checked.diagnostics[1].message.contains("add the new term to `terms`"))
        #expect(checked.school?.records.map(\.id) == ["s1/2026-02-05-home-visit"])
    }

    @Test func keyTermsAndReviewDecisionsAgree() async throws {
        let checked = try await TestContent.check(adding: [
            "school.yml": Self.twoTerms,
            "students/s1/index.md": "---\nname: 学生一\nclass: c1\ntutor: t-a\nkey: [2025-1]\n---\n",
            "students/s1/2026-01-12-review.md": "---\neffect: 4\ndecision: continue\n---\n进步明显。\n",
            "students/s2/index.md": "---\nname: 学生二\nclass: c1\ntutor: t-a\nkey: true\n---\n",
            "students/s2/2026-01-13-review.md": "---\neffect: 5\ndecision: close\n---\n可以结束跟踪。\n",
            "students/s3/index.md": "---\nname: 学生三\nclass: c1\ntutor: t-a\nkey: [2025-1, 2026-9]\n---\n",
            "students/s3/2026-01-14-review.md": "---\neffect: 2\ndecision: change\n---\n调整跟踪对象。\n",
        ])
        #expect(
            checked.diagnostics.map(\.place) == [
                "review-key students/s1/2026-01-12-review.md:1:1",
                "review-key students/s2/2026-01-13-review.md:1:1",
                "unknown-id students/s3/index.md:5:15",
            ])
        #expect(checked.diagnostics[0].message.contains("not a key student in term 2025-2"))
        #expect(checked.diagnostics[1].message.contains("still a key student in term 2025-2"))
        let review = checked.school?.records.first { $0.studentID == "s3" }?.said.review
        #expect(review == Review(effect: 2, decision: .change))
    }

    @Test func reviewValuesAreChecked() async throws {
        let found = try await places([
            "students/s1/2026-01-12-review.md": "---\neffect: 9\ndecision: maybe\n---\n总结。\n",
            "students/s1/2025-10-12-talk.md": "---\neffect: 3\n---\n聊天。\n",
        ])
        #expect(
            found == [
                "unknown-field students/s1/2025-10-12-talk.md:2:1",
                "invalid-value students/s1/2026-01-12-review.md:2:9",
                "invalid-value students/s1/2026-01-12-review.md:3:11",
            ])
    }

    @Test func joinedAndLeftDates() async throws {
        let found = try await places([
            "students/s1/index.md":
                "---\nname: 学生一\nclass: c1\ntutor: t-a\njoined: 2025-10-01\nleft: 2025-09-01\n---\n",
            "tutors/t-b.md": "---\nname: 乙老师\nrole: teacher\nleft: 2025-13-01\n---\n",
        ])
        #expect(
            found == [
                "invalid-value students/s1/index.md:6:7", "tutor-without-students tutors/t-b.md:1:1",
                "invalid-date tutors/t-b.md:4:7",
            ])
    }
}
