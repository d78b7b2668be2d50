import Foundation
import Testing

@testable import GrowthKit

/// The site of `Fixtures/terms` (SPEC §7): the running term at the root, each
/// ended term under `terms/<id>/`, a switcher between them, growth files for
/// the whole stay, and pages of an ended term that never change.
@Suite struct TermSiteTests {
    static func build(_ root: URL, asOf: String) async throws -> BuiltSite {
        let checked = await TestContent.check(root, asOf: day(asOf))
        #expect(!checked.hasErrors, "\(checked.diagnostics)")
        return SiteBuilder.build(school: try #require(checked.school), asOf: day(asOf))
    }

    static func text(_ site: BuiltSite, _ path: String) throws -> String {
        String(decoding: try #require(site.files[path], "no \(path)"), as: UTF8.self)
    }

    @Test func anEndedTermHasItsOwnPagesAndTheSwitcherLeadsThere() async throws {
        let site = try await Self.build(TestContent.fixture("terms"), asOf: "2025-12-10")
        for path in [
            "terms/2025-1/index.html", "terms/2025-1/evaluation/index.html", "terms/2025-1/forums/index.html",
            "terms/2025-1/classes/c1/index.html", "terms/2025-1/tutors/t-a/index.html",
            "terms/2025-1/tutors/t-b/index.html",
        ] {
            #expect(site.files[path] != nil, "\(path)")
        }
        // t-c took no part in the first term; every tutor has a page at the root.
        #expect(site.files["terms/2025-1/tutors/t-c/index.html"] == nil)
        #expect(site.files["tutors/t-b/index.html"] != nil)
        // Growth files are one page for the whole stay, at the root only.
        #expect(!site.files.keys.contains { $0.hasPrefix("terms/2025-1/students/") })

        let dashboard = try Self.text(site, "index.html")
        #expect(
            dashboard.contains(
                "<nav class=\"terms\" aria-label=\"学期\"><ul><li><a href=\"index.html\" aria-current=\"page\">第二学期</a></li><li><a href=\"terms/2025-1/index.html\">第一学期</a></li></ul></nav>"
            ))
        let ended = try Self.text(site, "terms/2025-1/index.html")
        // An ended term names no later term: only the way back to the running one.
        #expect(
            ended.contains(
                "<ul><li><a href=\"../../index.html\">当前学期</a></li><li><a href=\"../../terms/2025-1/index.html\" aria-current=\"page\">第一学期</a></li></ul>"
            ))
        #expect(ended.contains("第一学期 · 统计截至 2025年10月26日"))
        #expect(!ended.contains("第二学期"))
        // Its links stay in the term, but growth files are the root's.
        let tutor = try Self.text(site, "terms/2025-1/tutors/t-a/index.html")
        #expect(tutor.contains("href=\"../../../../students/s1/index.html\""))
        #expect(tutor.contains("href=\"../../../../terms/2025-1/evaluation/index.html\""))
        #expect(try SiteLinks.broken(in: site) == [])
    }

    @Test func theDashboardClassAndTutorCompareTerms() async throws {
        let site = try await Self.build(TestContent.fixture("terms"), asOf: "2025-12-10")
        let dashboard = try Self.text(site, "index.html")
        // School: first term (1/2 + 1 + 2/3) / 3 = 72%; second (4/5 + 2/3 + 0 + 1/5) / 4 = 42%.
        #expect(dashboard.contains("<title id=\"by-term-title\">各学期对比</title>"))
        #expect(dashboard.contains("<td>第一学期</td><td>72%</td>"))
        #expect(dashboard.contains("<td>第二学期</td><td>42%</td>"))
        let tutor = try Self.text(site, "tutors/t-a/index.html")
        // t-a: 75% then (4/5 + 2/3) / 2 = 73%, with the score of each term.
        #expect(tutor.contains("<td>第一学期</td><td>75%</td><td>75.0</td>"))
        #expect(tutor.contains("<td>第二学期</td><td>73%</td><td>73.3</td>"))
        let schoolClass = try Self.text(site, "classes/c1/index.html")
        #expect(schoolClass.contains("<td>第一学期</td><td>72%</td>"))
        // An ended term compares only the terms up to it: one term, no chart.
        #expect(!(try Self.text(site, "terms/2025-1/index.html")).contains("by-term"))
    }

    @Test func theTermsExportHoldsEveryTerm() async throws {
        let site = try await Self.build(TestContent.fixture("terms"), asOf: "2025-12-10")
        let data = try #require(site.files["data/terms.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(data)) as? [String: Any])
        #expect(json["current"] as? String == "2025-2")
        let terms = try #require(json["terms"] as? [[String: Any]])
        #expect(terms.map { $0["id"] as? String } == ["2025-1", "2025-2"])
        #expect(terms.map { $0["ended"] as? Bool } == [true, false])
        let school = try #require(terms[0]["school"] as? [String: Any])
        #expect(school["compliance"] as? Double == 0.7222)
        let tutors = try #require(terms[1]["tutors"] as? [[String: Any]])
        #expect(tutors.map { $0["id"] as? String } == ["t-a", "t-c"])
        #expect(tutors.first?["score"] as? Double == 73.3)
        let classes = try #require(terms[0]["classes"] as? [[String: Any]])
        #expect(classes.first?["id"] as? String == "c1")
    }

    /// SPEC §7: an ended term's pages are built once and then unchanged. A
    /// later term with rules of its own, a new tutor, a new class and student, and
    /// more records, leaves every byte of `terms/2025-1/` as it was.
    @Test func anEndedTermsPagesDoNotChangeWhenLaterTermsAreAdded() async throws {
        let before = try await Self.build(TestContent.fixture("terms"), asOf: "2025-12-10")
        var files = try TestContent.read(TestContent.fixture("terms"))
        files["school.yml"] = String(decoding: files["school.yml"]!, as: UTF8.self)
            .replacingOccurrences(
                of: "policy:\n  talk: { every: 2 weeks }\n",
                with: """
                      - id: 2026-1
                        name: 第三学期
                        start: 2026-01-05
                        end: 2026-03-01
                        policy: { talk: { every: 2 weeks }, phone-visit: { every: 1 month } }
                    policy:
                      talk: { every: 2 weeks }

                    """
            ).utf8.map { $0 }
        let added: [String: String] = [
            "tutors/t-d.md": "---\nname: 丁老师\nrole: teacher\n---\n",
            "classes/c2.md": "---\nname: 二班\ngrade: 2026级\nhead_teacher: t-d\n---\n",
            "students/s5/index.md": "---\nname: 学生五\nclass: c2\ntutor: t-d\njoined: 2026-01-05\n---\n",
            "students/s5/2026-01-06-talk.md": "---\n---\n新同学。\n",
            "students/s1/2025-12-02-talk.md": "---\n---\n补一次谈心。\n",
            "students/s1/2026-01-07-talk.md": "---\n---\n新学期谈心。\n",
            "students/s4/2026-01-08-phone-visit.md": "---\n---\n电话家访。\n",
            "forums/2026-01-23.md": "---\ntopic: 新学期\nhost: t-d\nattendees: [t-a, t-c, t-d]\n---\n",
        ]
        for (path, text) in added { files[path] = Array(text.utf8) }
        let root = try TestContent.write(files)
        defer { TestContent.remove(root) }
        let after = try await Self.build(root, asOf: "2026-02-01")
        let ended = before.files.keys.filter { $0.hasPrefix("terms/2025-1/") }.sorted()
        #expect(ended.count == 6)
        #expect(after.files.keys.filter { $0.hasPrefix("terms/2025-1/") }.sorted() == ended)
        #expect(ended.filter { before.files[$0] != after.files[$0] } == [])
        // The second term has ended now and got its own pages.
        #expect(after.files["terms/2025-2/index.html"] != nil)
    }
}
