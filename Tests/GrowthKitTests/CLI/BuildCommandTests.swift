import Foundation
import Testing

/// `growth build` end to end: what it writes, and what it refuses to touch.
@Suite struct BuildCommandTests {
    let small = "Tests/GrowthKitTests/Fixtures/small-school"

    /// Every file under `folder`, relative path → bytes.
    static func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let root = folder.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: root) else { return files }
        while let path = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder)
            if !isFolder.boolValue { files[path] = FileManager.default.contents(atPath: root + "/" + path) }
        }
        return files
    }

    @Test func buildsTheDataExportsAndTheSameBytesTwice() throws {
        let parent = try TestContent.temporaryFolder()
        defer { TestContent.remove(parent) }
        let output = parent.appendingPathComponent("site").path
        let first = try CheckCommandTests.growth([
            "build", "--content", small, "--output", output, "--as-of", "2025-10-31",
        ])
        #expect(first.status == 0)
        #expect(first.lines.last == "growth build: wrote 19 files to \(output) as of 2025-10-31 for leadership")
        let built = Self.snapshot(URL(fileURLWithPath: output))
        #expect(
            built.keys.sorted() == [
                // No developer README in a built site (a fresh clone's site/README.md is kept, not written).
                ".growth-site", "assets/search.js", "assets/style.css",
                "classes/2025-nursing-1/index.html", "data/compliance.csv", "data/compliance.json",
                "data/evaluation.csv", "data/evaluation.json", "data/terms.json", "evaluation/index.html",
                "forums/index.html",
                "index.html", "robots.txt", "search/index.html", "search/index.js", "students/2025001/index.html",
                "students/2025002/index.html", "students/2025003/index.html", "tutors/t-li/index.html",
                "tutors/t-wang/index.html",
            ])
        let csv = try #require(built["data/compliance.csv"])
        #expect(Array(csv.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: csv, as: UTF8.self).contains("2025001,张小雨,2025-nursing-1,t-wang,yes,"))
        let second = try CheckCommandTests.growth([
            "build", "--content", small, "--output", output, "--as-of", "2025-10-31",
        ])
        #expect(second.status == 0)
        #expect(Self.snapshot(URL(fileURLWithPath: output)) == built)
    }

    @Test func aFailedBuildLeavesTheOldOutputByteIdentical() throws {
        let parent = try TestContent.temporaryFolder()
        defer { TestContent.remove(parent) }
        let output = parent.appendingPathComponent("site").path
        #expect(try CheckCommandTests.growth(["build", "--content", small, "--output", output]).status == 0)
        let before = Self.snapshot(URL(fileURLWithPath: output))
        let failed = try CheckCommandTests.growth([
            "build", "--content", "Tests/GrowthKitTests/Fixtures/mistakes", "--output", output,
        ])
        #expect(failed.status == 1)
        #expect(failed.lines.last?.hasPrefix("growth build: stopped because of the errors above") == true)
        #expect(Self.snapshot(URL(fileURLWithPath: output)) == before)
        // Nothing is left beside it but the build lock, which the kernel releases.
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted() == [".site.growth-lock", "site"])
    }

    @Test func allowErrorsBuildsAndListsWhatWasLeftOut() throws {
        let parent = try TestContent.temporaryFolder()
        defer { TestContent.remove(parent) }
        let output = parent.appendingPathComponent("site")
        let run = try CheckCommandTests.growth([
            "build", "--content", "Tests/GrowthKitTests/Fixtures/mistakes", "--output", output.path, "--as-of",
            "2025-11-30", "--allow-errors",
        ])
        #expect(run.status == 0, "\(run.output)")
        let files = Self.snapshot(output)
        let problems = String(decoding: try #require(files["problems/index.html"]), as: UTF8.self)
        #expect(problems.contains("<code>students/s4/index.md:3:8</code>"))
        #expect(
            problems.contains(
                "<span class=\"status warning\">警告</span></td><td><code>students/s1/2025-12-01-talk.md:1:1</code>"))
        let dashboard = String(decoding: try #require(files["index.html"]), as: UTF8.self)
        #expect(dashboard.contains("<p class=\"notice problems\" role=\"alert\"><a href=\"problems/index.html\">"))
        // Without --allow-errors there is no problems page, and no link to one.
        #expect(
            try CheckCommandTests.growth([
                "build", "--content", small, "--output", output.path, "--allow-errors",
            ]).status == 0)
        #expect(Self.snapshot(output)["problems/index.html"] == nil)
    }

    @Test func aForeignFolderIsRefused() throws {
        let parent = try TestContent.temporaryFolder()
        defer { TestContent.remove(parent) }
        let output = parent.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("我的文件".utf8).write(to: output.appendingPathComponent("notes.txt"))
        let run = try CheckCommandTests.growth(["build", "--content", small, "--output", output.path])
        #expect(run.status == 1)
        #expect(run.output.contains("refusing to replace this folder"))
        #expect(Self.snapshot(output) == ["notes.txt": Data("我的文件".utf8)])
    }

    @Test func theCommittedSiteReadmeIsRecognised() throws {
        // A fresh clone's site/ holds only the README growth itself writes.
        let parent = try TestContent.temporaryFolder()
        defer { TestContent.remove(parent) }
        let output = parent.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let readme = try Data(contentsOf: TestContent.packageRoot.appendingPathComponent("site/README.md"))
        try readme.write(to: output.appendingPathComponent("README.md"))
        let run = try CheckCommandTests.growth(["build", "--content", small, "--output", output.path])
        #expect(run.status == 0)
        #expect(Self.snapshot(output)["README.md"] == readme)
    }
}
