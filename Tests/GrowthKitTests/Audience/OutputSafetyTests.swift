import Foundation
import Testing

@testable import GrowthKit

/// `Fixtures/hostile` writes script, event handlers, `javascript:` links,
/// raw HTML and spreadsheet formulas into every name and body. Every output
/// stays inert.
@Suite struct OutputSafetyTests {
    static func build(_ audience: String) throws -> (folder: URL, files: [String: Data]) {
        let folder = try TestContent.temporaryFolder()
        let output = folder.appendingPathComponent("site")
        let run = try CheckCommandTests.growth([
            "build", "--content", "Tests/GrowthKitTests/Fixtures/hostile", "--output", output.path, "--audience",
            audience, "--as-of", "2026-01-16",
        ])
        #expect(run.status == 0, "\(run.output)")
        return (folder, BuildCommandTests.snapshot(output))
    }

    @Test(arguments: ["leadership", "staff"]) func nothingInTheHTMLCanRun(audience: String) throws {
        let (folder, _) = try Self.build(audience)
        defer { TestContent.remove(folder) }
        let run = try TestProcess.run(
            "python3",
            [
                TestContent.packageRoot.appendingPathComponent("Tests/GrowthKitTests/Fixtures/inertness.py").path,
                folder.appendingPathComponent("site").path,
            ])
        let data = Data(run.output.utf8)
        let found = try #require(try JSONSerialization.jsonObject(with: data) as? [String])
        // Only the site's own search form and its two scripts.
        #expect(
            found == [
                "search/index.html: <form>", "search/index.html: script src=../assets/search.js",
                "search/index.html: script src=index.js",
            ])
    }

    @Test func theHostileTextIsShownAsText() throws {
        let (folder, files) = try Self.build("leadership")
        defer { TestContent.remove(folder) }
        let student = String(decoding: try #require(files["students/s1/index.html"]), as: UTF8.self)
        #expect(student.contains("&lt;script&gt;alert(&#39;student&#39;)&lt;/script&gt;"))
        #expect(student.contains("<a href=\"\">x</a>"))  // cmark empties javascript: links
        #expect(student.contains("<!-- raw HTML omitted -->"))
        #expect(!student.contains("<iframe"))
    }

    @Test func theSearchScriptCannotBeClosedEarly() throws {
        let (folder, files) = try Self.build("leadership")
        defer { TestContent.remove(folder) }
        let index = String(decoding: try #require(files["search/index.js"]), as: UTF8.self)
        #expect(!index.contains("</script"))
        #expect(index.contains(#"<\/script><script>alert('class')<\/script>"#))
    }

    @Test func spreadsheetFormulasAreNeutralised() throws {
        let (folder, files) = try Self.build("leadership")
        defer { TestContent.remove(folder) }
        let csv = String(decoding: try #require(files["data/compliance.csv"]), as: UTF8.self)
        #expect(csv.contains(#"s2,"'=HYPERLINK(""http://x"",""点我"")",c1,"#))
        let evaluation = String(decoding: try #require(files["data/evaluation.csv"]), as: UTF8.self)
        #expect(evaluation.contains(#"""><img src=x onerror=alert('tutor')>""#))
    }

    @Test func jsonEscapesEverything() throws {
        let (folder, files) = try Self.build("leadership")
        defer { TestContent.remove(folder) }
        let data = try #require(files["data/compliance.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let students = try #require(json["students"] as? [[String: Any]])
        #expect(students.first?["name"] as? String == "<script>alert('student')</script>")
        #expect(!String(decoding: data, as: UTF8.self).contains("</script"))
    }
}
