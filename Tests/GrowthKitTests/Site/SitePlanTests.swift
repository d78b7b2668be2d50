import Foundation
import Testing

@testable import GrowthKit

/// `growth serve` renders a page when it is asked for and re-reads only the
/// files a save changed: the same bytes as a full build, always current.
@Suite struct SitePlanTests {
    @Test func everyPageRenderedOnDemandIsThePageOfAFullBuild() async throws {
        // Four terms, ended terms' pages under terms/<id>/, a problems page.
        let checked = await TestContent.check(TestContent.fixture("terms"), asOf: day("2026-03-20"))
        let school = try #require(checked.school)
        let problems = [Diagnostic.warning(.emptyTalk, at: SourceLocation(path: "students/s1/x.md"), "a problem")]
        let built = SiteBuilder.build(school: school, asOf: day("2026-03-20"), problems: problems)
        let plan = SiteBuilder.plan(school: school, asOf: day("2026-03-20"), problems: problems)
        #expect(plan.paths == Set(built.files.keys))
        #expect(plan.paths.contains { $0.hasPrefix("terms/") })
        for path in plan.paths.sorted() {
            #expect(plan.render(path) == built.files[path], "\(path)")
        }
        #expect(plan.render("students/nobody/index.html") == nil)
    }

    @Test func aCachedReadParsesOnlyWhatChanged() async throws {
        let root = try TestContent.write(
            TestContent.minimalSchool.merging([
                "students/s1/2025-10-01-talk.md": "---\nmood: 3\n---\n第一次。\n",
                "students/s1/2025-10-15-talk.md": "---\nmood: 4\n---\n第二次。\n",
            ]) { _, new in new })
        defer { TestContent.remove(root) }
        let cache = ParseCache()
        func check() async -> School? {
            await ContentCheck.run(
                content: root, asOf: day("2025-12-10"), sourceDateEpoch: nil, now: TestContent.fixedNow, cache: cache
            ).0.school
        }
        #expect(await check()?.records.map(\.said.mood) == [3, 4])
        // A save changes one file (same size), another is deleted, a third added.
        try "---\nmood: 5\n---\n第一次。\n".write(
            to: root.appendingPathComponent("students/s1/2025-10-01-talk.md"), atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(at: root.appendingPathComponent("students/s1/2025-10-15-talk.md"))
        try "---\nmood: 2\n---\n第三次。\n".write(
            to: root.appendingPathComponent("students/s1/2025-11-01-talk.md"), atomically: true, encoding: .utf8)
        let school = try #require(await check())
        #expect(school.records.map(\.said.mood) == [5, 2])
        #expect(school.records.map(\.date) == [day("2025-10-01"), day("2025-11-01")])
    }
}
