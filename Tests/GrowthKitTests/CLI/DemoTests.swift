import Foundation
import Testing

@testable import GrowthKit

/// The demo school in `content/`, which the README's main command builds.
@Suite struct DemoTests {
    @Test func theDemoChecksClean() async throws {
        let checked = await TestContent.check(TestContent.packageRoot.appendingPathComponent("content"))
        #expect(checked.diagnostics.map(\.description) == [])
        let school = try #require(checked.school)
        #expect(school.students.count == 30)
        #expect(school.tutors.count == 8)
        #expect(school.classes.count == 3)
        #expect(school.records.count > 500)
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
        // The diligent head teacher 王芳 met every item; the two lax tutors fail.
        let tutors = try #require(evaluation["tutors"] as? [[String: Any]])
        let wang = try #require(tutors.first { $0["id"] as? String == "t-wang-fang" })
        #expect((wang["parts"] as? [String: Any])?["records"] as? Double == 100)
        #expect(Set(evaluation["criticised"] as? [String] ?? []) == ["t-zhao-lei", "t-zhou-peng"])
        #expect((evaluation["commended"] as? [String])?.count == 3)
        let csv = try String(contentsOf: output.appendingPathComponent("data/evaluation.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\r\n").count == 9)  // header and 8 tutors
    }

    @Test func everyDemoPageIsValidHTML() async throws {
        let checked = await TestContent.check(TestContent.packageRoot.appendingPathComponent("content"))
        let site = SiteBuilder.build(school: try #require(checked.school), asOf: day("2026-01-16"))
        let result = try ValidationTests.validate(site)
        #expect(result.status == 0, "\(result.output)")
    }
}

/// The demo read the way leadership and staff read it.
@Suite struct DemoSiteTests {
    let school: School
    let leadership: BuiltSite
    let staff: BuiltSite

    init() async throws {
        let checked = await TestContent.check(TestContent.packageRoot.appendingPathComponent("content"))
        school = try #require(checked.school)
        leadership = SiteBuilder.build(school: school, asOf: day("2026-01-16"))
        staff = SiteBuilder.build(school: school, asOf: day("2026-01-16"), audience: .staff)
    }

    func page(_ site: BuiltSite, _ path: String) -> String {
        String(decoding: site.files[path] ?? [], as: UTF8.self)
    }

    @Test func leadershipFindsTheGradesCommendationsAndOverdueItems() {
        let evaluation = page(leadership, "evaluation/index.html")
        #expect(evaluation.contains("<h2>表扬</h2><ul><li><a href=\"../tutors/t-li-hua/index.html\">李华</a></li>"))
        #expect(
            page(leadership, "tutors/t-zhou-peng/index.html").contains("<span class=\"grade fail\">不合格 21.8</span>"))
        // 郑晓雯's lax tutor never phoned home: 137 days since the term began, 33 allowed.
        let growthFile = page(leadership, "students/2025111/index.html")
        #expect(growthFile.contains("<h3>逾期提醒</h3>"))
        #expect(
            growthFile.contains(
                "<td>电话家访</td><td class=\"num\"><span class=\"status bad\">137天</span></td><td class=\"num\">33天</td><td>从未</td>"
            ))
    }

    @Test func staffReadsNoConfidentialTextOnAnyPage() {
        var secrets: [String] = []
        for student in school.students {
            if let notes = student.family?.notes { secrets.append(notes) }
            if !student.background.isEmpty { secrets.append(student.background.summary) }
        }
        secrets += school.records.filter(\.isConfidential).map(\.body.summary)
        secrets += school.records.filter(\.isConfidential).flatMap { $0.followUps.map(\.action) }
        secrets += school.forums.map(\.analysis.summary) + school.forums.flatMap(\.analysis.headings)
        secrets += school.surveys.map(\.comment) + school.tutors.compactMap(\.phone)
        // Short texts could also be someone's ordinary words; the long ones are unmistakable,
        // unless the same words were also written somewhere open.
        let open = Set(
            school.records.filter { !$0.isConfidential }.flatMap { [$0.body.summary] + $0.followUps.map(\.action) })
        secrets = secrets.filter { $0.count >= 8 && !open.contains($0) }
        #expect(secrets.count > 60)
        let staffText = staff.files.values.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
        let leadershipText = leadership.files.values.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
        for secret in secrets {
            let escaped = secret.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(
                of: "<", with: "&lt;"
            )
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
            #expect(!staffText.contains(secret) && !staffText.contains(escaped), "staff sees: \(secret)")
            #expect(leadershipText.contains(secret) || leadershipText.contains(escaped), "leadership misses: \(secret)")
        }
    }

    @Test func everyInternalLinkOfTheDemoResolves() throws {
        #expect(try SiteLinks.broken(in: leadership) == [])
        #expect(try SiteLinks.broken(in: staff) == [])
    }
}
