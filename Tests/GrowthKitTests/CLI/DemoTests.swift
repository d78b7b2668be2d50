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
