import Foundation
import Testing

@testable import GrowthKit

/// The site in a real browser (Debian's Chromium, through Selenium), as a
/// principal reads it on a phone and a desktop: every page type of the demo
/// in both locales and both audiences fits 390 px and 1366 px with no page
/// scrolling sideways, every table's headers aligned as the figures or text
/// below them, axe-core 4.x finds no serious or critical violation,
/// search from file:// finds a student by a Chinese name, and a growth file
/// prints to A4 pages. Run them alone: `swift test --filter BrowserTests`.
@Suite(.serialized) struct BrowserTests {
    /// The demo built four ways into a temporary folder.
    static func sites() throws -> (URL, [URL]) {
        let parent = try TestContent.temporaryFolder()
        var english = try TestContent.read(TestContent.packageRoot.appendingPathComponent("content"))
        english["school.yml"] = Array(
            String(decoding: english["school.yml"]!, as: UTF8.self).replacingOccurrences(
                of: "locale: zh-CN", with: "locale: en"
            ).utf8)
        let englishContent = parent.appendingPathComponent("content-en")
        for (path, bytes) in english {
            let url = englishContent.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        var sites: [URL] = []
        for (content, locale) in [("content", "zh"), (englishContent.path, "en")] {
            for audience in ["leadership", "staff"] {
                let site = parent.appendingPathComponent("site-\(locale)-\(audience)")
                let run = try CheckCommandTests.growth([
                    "build", "--content", content, "--output", site.path, "--as-of", "2026-11-30", "--audience",
                    audience, "--no-history",
                ])
                #expect(run.status == 0, "\(run.output)")
                sites.append(site)
            }
        }
        return (parent, sites)
    }

    @Test func everyPageTypeFitsAPhoneAndPassesAxe() throws {
        let (parent, sites) = try Self.sites()
        defer { TestContent.remove(parent) }
        let script = TestContent.packageRoot.appendingPathComponent("Tests/GrowthKitTests/Browser/check_pages.py")
        let run = try TestProcess.run("python3", [script.path] + sites.map(\.path))
        let json = try #require(
            try JSONSerialization.jsonObject(
                with: Data(run.output.split(separator: "\n").last.map { Array($0.utf8) } ?? []))
                as? [String: Any], "\(run.output)")
        if let reason = json["skipped"] as? String {
            // Never silent: the reason is printed, and CI installs what the test needs.
            print("BrowserTests: skipped: \(reason)")
            #expect(ProcessInfo.processInfo.environment["CI"] == nil, "the browser tests must run in CI: \(reason)")
            return
        }
        let problems = try #require(json["problems"] as? [[String: Any]])
        #expect((json["checked"] as? Int ?? 0) >= 4 * 2 * 9)
        #expect(problems.isEmpty, "\(problems.prefix(10))")
        let name = try #require(json["searchName"] as? String)
        #expect((json["searchResults"] as? String)?.contains(name) == true)
        let print = try #require(json["print"] as? [String: Any])
        #expect(print["a4"] as? Bool == true)
        #expect((print["pages"] as? Int ?? 0) >= 2)
        #expect(print["numbered"] as? Bool == true, "every printed page carries its number (pdftotext reads them)")
        #expect(print["named"] as? Bool == true, "every printed page names the student and id")
    }
}
