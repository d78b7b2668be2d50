import Foundation
import Testing

@testable import GrowthKit

/// The output folder against careless options: content inside it, files a
/// person added to it, a symbolic link, and templates that would open it up.
@Suite struct OutputHostileTests {
    static let content = "Tests/GrowthKitTests/Fixtures/terms"

    static func build(_ output: String, _ extra: [String] = [], content: String = content) throws -> TestProcess {
        try CheckCommandTests.growth(
            ["build", "--content", content, "--output", output, "--as-of", "2025-12-10", "--no-history"] + extra)
    }

    @Test func contentInsideTheOutputIsRefusedAndKept() throws {
        let parent = try TestContent.temporaryFolder()
        defer { TestContent.remove(parent) }
        let site = parent.appendingPathComponent("site")
        #expect(try Self.build(site.path).status == 0)
        // Someone puts the content inside the built site, then builds into it.
        let inside = site.appendingPathComponent("content")
        try FileManager.default.copyItem(at: TestContent.fixture("terms"), to: inside)
        let run = try Self.build(site.path, content: inside.path)
        #expect(run.status == 1)
        #expect(run.output.contains("is inside the output folder, which a build replaces whole"))
        #expect(FileManager.default.fileExists(atPath: inside.path + "/school.yml"))
    }

    @Test func filesAPersonAddedAreKeptAndNamed() throws {
        let parent = try TestContent.temporaryFolder()
        defer { TestContent.remove(parent) }
        let site = parent.appendingPathComponent("site")
        #expect(try Self.build(site.path).status == 0)
        try "AuthType Basic\n".write(toFile: site.path + "/.htaccess", atomically: true, encoding: .utf8)
        try "备注\n".write(toFile: site.path + "/classes/notes.txt", atomically: true, encoding: .utf8)
        let run = try Self.build(site.path)
        #expect(run.status == 0)
        #expect(
            run.output.contains(
                "growth build: kept 2 files a person added to \(site.path): .htaccess, classes/notes.txt"))
        #expect(try String(contentsOfFile: site.path + "/.htaccess", encoding: .utf8) == "AuthType Basic\n")
        #expect(FileManager.default.fileExists(atPath: site.path + "/classes/notes.txt"))
        // A page growth stops making is not a person's file: it goes.
        #expect(try Self.build(site.path).output.contains("kept 2 files"))
    }

    /// Links a person put in the site stay links, never followed: not one to
    /// a folder outside (whose files would be copied into the published
    /// site), not one to the site itself (which would never end), not one
    /// to a file. A named pipe is left out rather than read.
    @Test func linksAPersonAddedStayLinks() throws {
        let parent = try TestContent.temporaryFolder()
        defer { TestContent.remove(parent) }
        let site = parent.appendingPathComponent("site")
        let outside = parent.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try "不该发布\n".write(toFile: outside.path + "/secret.txt", atomically: true, encoding: .utf8)
        #expect(try Self.build(site.path).status == 0)
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: site.path + "/shared", withDestinationPath: outside.path)
        try manager.createSymbolicLink(atPath: site.path + "/classes/loop", withDestinationPath: "..")
        try manager.createSymbolicLink(atPath: site.path + "/notes.txt", withDestinationPath: "../outside/secret.txt")
        #expect(mkfifo(site.path + "/pipe", 0o644) == 0)
        let run = try Self.build(site.path)
        #expect(run.status == 0, "\(run.output)")
        #expect(
            run.output.contains(
                "growth build: kept 3 files a person added to \(site.path): classes/loop, notes.txt, shared"))
        #expect(try manager.destinationOfSymbolicLink(atPath: site.path + "/shared") == outside.path)
        #expect(try manager.destinationOfSymbolicLink(atPath: site.path + "/classes/loop") == "..")
        #expect(try manager.destinationOfSymbolicLink(atPath: site.path + "/notes.txt") == "../outside/secret.txt")
        #expect(!manager.fileExists(atPath: site.path + "/pipe"))
        // Nothing of what the links name was copied into the site's own tree.
        var copies: [String] = []
        OutputFolder.walk(site.path) { path, _, kind in
            if kind == .file, path.hasSuffix("secret.txt") || path.hasPrefix("classes/loop/") { copies.append(path) }
            return kind == .folder
        }
        #expect(copies.isEmpty)
        #expect(try String(contentsOfFile: outside.path + "/secret.txt", encoding: .utf8) == "不该发布\n")
        // And the next build keeps them again.
        #expect(try Self.build(site.path).output.contains("kept 3 files"))
    }

    @Test func anOutputThatIsALinkStaysALink() throws {
        let parent = try TestContent.temporaryFolder()
        defer { TestContent.remove(parent) }
        let real = parent.appendingPathComponent("real-site")
        let link = parent.appendingPathComponent("site")
        #expect(try Self.build(real.path).status == 0)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: real.path)
        let run = try Self.build(link.path)
        #expect(run.status == 0, "\(run.output)")
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link.path)) == real.path)
        #expect(FileManager.default.fileExists(atPath: real.path + "/index.html"))
    }

    @Test func templatesThatWouldHideOrOpenSomethingAreRefused() throws {
        let parent = try TestContent.temporaryFolder()
        defer { TestContent.remove(parent) }
        let missing = try Self.build(parent.appendingPathComponent("a").path, ["--templates", "/nonexistent"])
        #expect(missing.status == 1)
        #expect(missing.output.contains("there is no templates folder here"))

        let layout = String(
            decoding: try #require(TemplateSet.defaults().files["layout.mustache"].map { Array($0.utf8) }),
            as: UTF8.self)
        let cases: [(String, String, String)] = [
            ("partial", "forums.mustache", "{{> ../secret}}"),
            ("csp", "layout.mustache", layout.replacingOccurrences(of: "script-src 'self'", with: "script-src *")),
            ("syntax", "class.mustache", "{{#students}}unclosed"),
            // Rendered, it would recurse until the build crashed.
            ("loop", "forums.mustache", "<h1>x</h1>\n  {{> forums}}"),
        ]
        for (name, file, text) in cases {
            let folder = parent.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try text.write(to: folder.appendingPathComponent(file), atomically: true, encoding: .utf8)
            let run = try Self.build(parent.appendingPathComponent("out-\(name)").path, ["--templates", folder.path])
            #expect(run.status == 1, "\(name)")
            switch name {
            case "partial": #expect(run.output.contains("`{{> ../secret}}` names no template of the set"))
            case "csp": #expect(run.output.contains("allows more than the default: `script-src *`"))
            case "loop":
                #expect(
                    run.output.contains(
                        "forums.mustache:2:3: error: `{{> forums}}` makes the templates include themselves (forums → forums)"
                    ), "\(run.output)")
            default: #expect(run.output.contains("a section is opened but never closed"), "\(run.output)")
            }
        }
    }
}
