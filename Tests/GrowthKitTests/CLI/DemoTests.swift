import Foundation
import Testing

@testable import GrowthKit

/// 2026-12-01 00:00 in Shanghai: the demo's records run to 2026-11-27, in its running term.
let demoNow = Date(timeIntervalSince1970: 1_796_054_400)

/// The demo school in `content/`, which the README's main command builds.
@Suite struct DemoTests {
    @Test func theDemoChecksClean() async throws {
        let checked = await TestContent.check(TestContent.packageRoot.appendingPathComponent("content"), now: demoNow)
        // Both warnings are meant: a home visit in the winter holiday, and the
        // psychology teacher who came in November and has no students yet.
        #expect(
            checked.diagnostics.map(\.place) == [
                "date-between-terms students/2025103/2026-02-05-home-visit.md:1:1",
                "tutor-without-students tutors/t-he-yun.md:1:1",
            ])
        let school = try #require(checked.school)
        #expect(school.settings.terms.map(\.id) == ["2024-2", "2025-1", "2025-2", "2026-1"])
        #expect(school.students.count == 36)
        #expect(school.tutors.count == 10)
        #expect(school.classes.count == 4)
        #expect(school.records.count > 1900)
        // The story SPEC §7 asks of it: a student and a tutor who leave, key students who change.
        #expect(school.students.first { $0.id == "2025107" }?.left == day("2026-04-30"))
        #expect(school.tutors.first { $0.id == "t-zhou-peng" }?.left == day("2026-01-16"))
        #expect(school.students.first { $0.id == "2025103" }?.key == .terms(["2025-1"]))
        #expect(school.records.contains { $0.studentID == "2025103" && $0.said.review?.decision == .close })
    }

    @Test func theDemoBuildsAndItsNumbersReadBack() throws {
        let parent = try TestContent.temporaryFolder()
        defer { TestContent.remove(parent) }
        let output = parent.appendingPathComponent("site")
        let run = try CheckCommandTests.growth([
            "build", "--content", "content", "--output", output.path, "--as-of", "2026-01-16",
        ])
        #expect(run.status == 0, "\(run.output)")
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: output.appendingPathComponent("data/compliance.json")))
                as? [String: Any])
        #expect(json["asOf"] as? String == "2026-01-16")
        // At the end of the term every student with a tutor owes 10 fortnightly talks,
        // 5 monthly reports and phone calls, and one home visit: 30 students.
        let items = try #require((json["school"] as? [String: Any])?["items"] as? [String: [String: Int]])
        #expect(items["talk"]?["due"] == 300)
        #expect(items["report"]?["due"] == 150)
        #expect(items["phone-visit"]?["due"] == 150)
        #expect(items["home-visit"]?["due"] == 30)
        let students = try #require(json["students"] as? [[String: Any]])
        #expect(students.count == 30)
        for student in students {
            let compliance = try #require(student["compliance"] as? Double)
            #expect((0...1).contains(compliance))
        }
        let evaluation = try #require(
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: output.appendingPathComponent("data/evaluation.json")))
                as? [String: Any])
        // The figures of the term as they were before the later terms were added:
        // the diligent head teacher 王芳 met every item; the two lax tutors fail.
        let tutors = try #require(evaluation["tutors"] as? [[String: Any]])
        let wang = try #require(tutors.first { $0["id"] as? String == "t-wang-fang" })
        #expect((wang["parts"] as? [String: Any])?["records"] as? Double == 100)
        #expect(Set(evaluation["criticised"] as? [String] ?? []) == ["t-zhao-lei", "t-zhou-peng"])
        #expect((evaluation["commended"] as? [String])?.count == 3)
        let csv = try String(contentsOf: output.appendingPathComponent("data/evaluation.csv"), encoding: .utf8)
        // Header and 10 tutors: 徐婧 and 何芸, who come in later terms, are listed without a score.
        #expect(csv.split(separator: "\r\n").count == 11)
    }

    @Test func everyDemoPageIsValidHTML() async throws {
        let checked = await TestContent.check(TestContent.packageRoot.appendingPathComponent("content"), now: demoNow)
        let site = SiteBuilder.build(school: try #require(checked.school), asOf: day("2026-01-16"))
        let result = try ValidationTests.validate(site)
        #expect(result.status == 0, "\(result.output)")
    }
}

/// The demo read the way leadership and staff read it: as of its last
/// records, in its running term, and as of the end of its second term.
@Suite struct DemoSiteTests {
    let school: School
    let leadership: BuiltSite
    let staff: BuiltSite
    /// As of the last day of 2025–2026's first term, when it was the running one.
    let termEnd: BuiltSite

    init() async throws {
        let checked = await TestContent.check(TestContent.packageRoot.appendingPathComponent("content"), now: demoNow)
        school = try #require(checked.school)
        leadership = SiteBuilder.build(school: school, asOf: day("2026-11-30"))
        staff = SiteBuilder.build(school: school, asOf: day("2026-11-30"), audience: .staff)
        termEnd = SiteBuilder.build(school: school, asOf: day("2026-01-16"))
    }

    func page(_ site: BuiltSite, _ path: String) -> String {
        String(decoding: site.files[path] ?? [], as: UTF8.self)
    }

    @Test func leadershipFindsTheGradesCommendationsAndOverdueItems() {
        let evaluation = page(termEnd, "evaluation/index.html")
        #expect(evaluation.contains("<h2>表扬</h2><ul><li><a href=\"../tutors/t-li-hua/index.html\">李华</a></li>"))
        #expect(
            page(termEnd, "tutors/t-zhou-peng/index.html").contains("<span class=\"grade fail\">不合格 21.8</span>"))
        // 郑晓雯's lax tutor never phoned home: 137 days since the term began, 33 allowed.
        let growthFile = page(termEnd, "students/2025111/index.html")
        #expect(growthFile.contains("<h2>逾期提醒 · 2025–2026学年第一学期</h2>"))
        #expect(growthFile.contains("<li>电话家访：从未记录，已137天，允许33天，超出104天</li>"))
        // A year on, the same figures stand on that term's own pages.
        #expect(
            page(leadership, "terms/2025-1/tutors/t-zhou-peng/index.html").contains(
                "<span class=\"grade fail\">不合格 21.8</span>"))
    }

    @Test func theRunningTermSwitchesToEachEarlierTerm() {
        let dashboard = page(leadership, "index.html")
        #expect(dashboard.contains("<span class=\"term\">2026–2027学年第一学期 · 统计截至 2026年11月30日</span>"))
        for id in ["2025-2", "2025-1", "2024-2"] {
            #expect(dashboard.contains("<a href=\"terms/\(id)/index.html\">"), "\(id)")
            #expect(leadership.files["terms/\(id)/index.html"] != nil)
        }
        #expect(dashboard.contains("<title id=\"by-term-title\">各学期对比</title>"))
        // The tutor who left is in the terms he taught, not in the running one's ranking.
        #expect(!page(leadership, "evaluation/index.html").contains("t-zhou-peng"))
        #expect(page(leadership, "terms/2025-1/evaluation/index.html").contains("t-zhou-peng"))
    }

    @Test func aGrowthFileSpansTheWholeStay() {
        let file = page(leadership, "students/2025103/index.html")
        let sections = ["term-2026-1", "term-2025-2", "break-2025-1", "term-2025-1"].map {
            file.range(of: "id=\"\($0)\"")?.lowerBound
        }
        #expect(sections.allSatisfy { $0 != nil })
        #expect(sections.compactMap { $0 } == sections.compactMap { $0 }.sorted())
        #expect(file.contains("<dt>重点关注学期</dt><dd>2025–2026学年第一学期</dd>"))
        #expect(file.contains("<dt>跟踪决定</dt><dd>结束跟踪</dd>"))
        #expect(page(leadership, "students/2025107/index.html").contains("<dt>离校日期</dt><dd>2026年4月30日</dd>"))
    }

    @Test func staffReadsNoConfidentialTextOnAnyPage() {
        var secrets: [String] = []
        for student in school.students {
            if let notes = student.family.read(.counting)?.notes { secrets.append(notes) }
            if let background = student.background.read(.counting) { secrets.append(background.rendered.summary) }
        }
        secrets += school.records.filter(\.isConfidential).map(\.said.body.rendered.summary)
        secrets += school.records.filter(\.isConfidential).flatMap { $0.said.followUps.map(\.action) }
        let analyses = school.forums.compactMap { $0.analysis.read(.counting) }
        secrets += analyses.map(\.rendered.summary) + analyses.flatMap(\.rendered.headings)
        secrets += school.surveys.compactMap { $0.comment.read(.counting) }
        secrets += school.tutors.compactMap { $0.phone.read(.counting) }
        // Short texts could also be someone's ordinary words; the long ones are unmistakable,
        // unless the same words were also written somewhere open.
        let open =
            school.records.filter { !$0.isConfidential }.flatMap {
                [$0.said.body.rendered.summary] + $0.said.followUps.map(\.action)
            }
            + school.forums.map(\.topic)
        secrets = secrets.filter { secret in secret.count >= 8 && !open.contains { $0.contains(secret) } }
        #expect(secrets.count > 200)
        // Byte searches: String.contains on megabytes of text, hundreds of times, takes minutes.
        let staffText = Data(staff.files.values.joined(separator: [10]))
        let leadershipText = Data(leadership.files.values.joined(separator: [10]))
        for secret in secrets {
            let escaped = secret.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(
                of: "<", with: "&lt;"
            )
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
            func holds(_ text: Data, _ needle: String) -> Bool { text.range(of: Data(needle.utf8)) != nil }
            #expect(!holds(staffText, secret) && !holds(staffText, escaped), "staff sees: \(secret)")
            #expect(holds(leadershipText, secret) || holds(leadershipText, escaped), "leadership misses: \(secret)")
        }
    }

    @Test func everyInternalLinkOfTheDemoResolves() throws {
        #expect(try SiteLinks.broken(in: leadership) == [])
        #expect(try SiteLinks.broken(in: staff) == [])
        #expect(try SiteLinks.broken(in: termEnd) == [])
    }
}
