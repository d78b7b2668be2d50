import Foundation
import Testing

@testable import GrowthKit

/// `growth build --cache`: the next build renders only the pages whose
/// inputs changed and rewrites only the files whose bytes changed, its site
/// byte for byte the site a build without the cache makes; a cache of
/// another version or other templates is ignored, and a page showing another
/// as-of date is made again.
@Suite(.serialized) struct BuildCacheTests {
    /// A copy of the two-term fixture, a cache folder and an output folder,
    /// removed with everything in them when the test is done with it.
    final class School {
        let folder: URL
        var content: URL { folder.appendingPathComponent("content") }
        var cache: URL { folder.appendingPathComponent("cache") }
        var site: URL { folder.appendingPathComponent("site") }

        init() throws {
            folder = try TestContent.temporaryFolder()
            try FileManager.default.copyItem(
                at: TestContent.packageRoot.appendingPathComponent(OutputFaultTests.content), to: content)
        }

        deinit { TestContent.remove(folder) }

        func build(
            into output: URL? = nil, cached: Bool = true, asOf: String = "2025-12-10", _ extra: [String] = []
        ) throws -> TestProcess {
            var arguments = [
                "build", "--content", content.path, "--output", (output ?? site).path, "--as-of", asOf, "--no-history",
            ]
            if cached { arguments += ["--cache", cache.path] }
            let run = try CheckCommandTests.growth(arguments + extra)
            #expect(run.status == 0, "\(run.output)")
            return run
        }

        func write(_ path: String, _ text: String) throws {
            let url = content.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }

        func inode(_ path: String) -> UInt64? {
            (try? FileManager.default.attributesOfItem(atPath: site.appendingPathComponent(path).path))?[
                .systemFileNumber] as? UInt64
        }

        /// `(rendered, unchanged)` from the build's last line.
        static func counts(_ run: TestProcess) -> (rendered: Int, reused: Int)? {
            guard let match = run.output.firstMatch(of: /\((\d+) pages rendered, (\d+) unchanged/) else { return nil }
            return (Int(match.1)!, Int(match.2)!)
        }
    }

    enum Change: String, CaseIterable, CustomTestStringConvertible {
        case added, edited, deleted, settings
        var testDescription: String { rawValue }

        func apply(to school: School) throws {
            switch self {
            case .added:
                try school.write("students/s2/2025-11-25-talk.md", "---\nmood: 2\n---\n新加的一次谈心。\n")
            case .edited:
                try school.write("students/s2/2025-11-11-talk.md", "---\nmood: 5\n---\n2025-11-11 谈心，改过。\n")
            case .deleted:
                try FileManager.default.removeItem(
                    at: school.content.appendingPathComponent("students/s2/2025-11-11-talk.md"))
            case .settings:
                let path = school.content.appendingPathComponent("school.yml")
                let text = try String(contentsOf: path, encoding: .utf8)
                try text.replacingOccurrences(of: "name: 测试学校", with: "name: 改名学校")
                    .write(to: path, atomically: true, encoding: .utf8)
            }
        }
    }

    @Test(arguments: Change.allCases) func anIncrementalBuildIsTheFullBuild(_ change: Change) throws {
        let school = try School()
        let first = try school.build()
        let all = try #require(School.counts(first))
        #expect(all.rendered > 10 && all.reused == 0)
        let endedPage = "terms/2025-1/classes/c1/index.html"
        let before = (student: school.inode("students/s3/index.html"), ended: school.inode(endedPage))
        #expect(before.student != nil && before.ended != nil)

        try change.apply(to: school)
        let second = try school.build()
        let full = school.folder.appendingPathComponent("full")
        _ = try school.build(into: full, cached: false)
        #expect(BuildCommandTests.snapshot(school.site) == BuildCommandTests.snapshot(full))

        let counts = try #require(School.counts(second))
        if change == .settings {
            // The school's name is on every page: every page is made again.
            #expect(counts.reused == 0)
            #expect(
                try String(contentsOf: school.site.appendingPathComponent(endedPage), encoding: .utf8).contains("改名学校"))
        } else {
            // s2's growth file, class, tutor, the dashboards and figures change; s3's file and
            // the ended term's pages do not, and are the same files on disk, not written again.
            #expect(counts.rendered > 0 && counts.rendered < all.rendered / 2, "\(second.output)")
            #expect(counts.rendered + counts.reused == all.rendered)
            #expect(school.inode("students/s3/index.html") == before.student)
            #expect(school.inode(endedPage) == before.ended)
            #expect(school.inode("students/s2/index.html") != nil)
        }
        // The cache, brought up to date in place, holds exactly the new site.
        var site = BuildCommandTests.snapshot(school.site)
        site[".growth-site"] = nil
        #expect(BuildCommandTests.snapshot(school.cache.appendingPathComponent("leadership/files")) == site)
        // And the cache now serves the next build whole.
        let third = try school.build()
        #expect(School.counts(third)?.rendered == 0)
        #expect(BuildCommandTests.snapshot(school.site) == BuildCommandTests.snapshot(full))
    }

    enum Mismatch: String, CaseIterable, CustomTestStringConvertible {
        case version, binary, cmark, templates, unreadable, outside
        var testDescription: String { rawValue }
    }

    /// A cache that does not match is never trusted: its poisoned pages do
    /// not reach the site, and the build says why it rendered everything.
    @Test(arguments: Mismatch.allCases) func aCacheThatDoesNotMatchIsIgnored(_ mismatch: Mismatch) throws {
        let school = try School()
        _ = try school.build()
        let stored = school.cache.appendingPathComponent("leadership")
        let manifest = stored.appendingPathComponent("cache.json")
        // Poison every cached page: a trusted cache would publish this.
        let files = stored.appendingPathComponent("files")
        for path in BuildCommandTests.snapshot(files).keys where path.hasSuffix(".html") {
            let url = files.appendingPathComponent(path)
            try FileManager.default.removeItem(at: url)  // a link to the site's file: unlink, then write
            try "POISONED".write(to: url, atomically: false, encoding: .utf8)
        }
        var extra: [String] = []
        let reason: String
        /// Gives one field of the manifest's key another value.
        func setKey(_ field: String, to value: String) throws {
            let text = try String(contentsOf: manifest, encoding: .utf8)
            let edited = text.replacing(try Regex("\"\(field)\": *\"[^\"]+\""), with: "\"\(field)\":\"\(value)\"")
            #expect(edited != text)
            try edited.write(to: manifest, atomically: true, encoding: .utf8)
        }
        switch mismatch {
        case .version:
            try setKey("growth", to: "0.0.1")
            reason = "it was made by growth 0.0.1, this is \(GrowthVersion.current)"
        case .binary:
            try setKey("binary", to: "0123")
            reason = "it was made by another build of growth \(GrowthVersion.current)"
        case .cmark:
            // The system's cmark upgraded under the same binary: every body renders anew.
            try setKey("cmark", to: "0.0.0")
            reason = "it was made with cmark 0.0.0, this build runs \(CommonMark.version)"
        case .outside:
            // A manifest naming a file outside the cache, as a crafted one restored by CI could.
            let victim = school.cache.appendingPathComponent("victim.txt")
            try "keep me".write(to: victim, atomically: true, encoding: .utf8)
            let text = try String(contentsOf: manifest, encoding: .utf8)
            try text.replacing(/"files": *\{/, with: "\"files\":{\"../../victim.txt\":\"8:1.1\",")
                .write(to: manifest, atomically: true, encoding: .utf8)
            reason = "it names a file outside the cache (../../victim.txt)"
        case .templates:
            let templates = school.folder.appendingPathComponent("templates/assets")
            try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
            try "body { color: black; }\n".write(
                to: templates.appendingPathComponent("extra.css"), atomically: true, encoding: .utf8)
            extra = ["--templates", templates.deletingLastPathComponent().path]
            reason = "it was made with other templates"
        case .unreadable:
            try "{ not json".write(to: manifest, atomically: true, encoding: .utf8)
            reason = "\(manifest.path) cannot be read"
        }
        let run = try school.build(extra)
        #expect(
            run.output.contains("growth build: the cache in \(school.cache.path) is ignored: \(reason)"),
            "\(run.output)")
        #expect(School.counts(run)?.reused == 0)
        let site = BuildCommandTests.snapshot(school.site)
        #expect(!site.values.contains { String(decoding: $0, as: UTF8.self).contains("POISONED") })
        if mismatch == .outside {
            #expect(FileManager.default.fileExists(atPath: school.cache.appendingPathComponent("victim.txt").path))
        }
        let full = school.folder.appendingPathComponent("full")
        _ = try school.build(into: full, cached: false, extra)
        #expect(site == BuildCommandTests.snapshot(full))
    }

    /// Every page shows the day its figures are for, so a build for another
    /// as-of date makes each page of the running term again; an ended term's
    /// pages show its last day and are the same files as before.
    @Test func anotherAsOfDateMakesTheRunningTermsPagesAgain() throws {
        let school = try School()
        _ = try school.build()
        let ended = BuildCommandTests.snapshot(school.site).keys.filter {
            $0.hasPrefix("terms/2025-1/") && $0.hasSuffix(".html")
        }
        #expect(ended.count >= 4)
        let inodes = ended.map(school.inode)
        let run = try school.build(asOf: "2025-12-11")
        let counts = try #require(School.counts(run))
        #expect(counts.reused == ended.count, "\(run.output)")
        #expect(ended.map(school.inode) == inodes)
        let full = school.folder.appendingPathComponent("full")
        _ = try school.build(into: full, cached: false, asOf: "2025-12-11")
        let site = BuildCommandTests.snapshot(school.site)
        #expect(site == BuildCommandTests.snapshot(full))
        #expect(String(decoding: site["index.html"]!, as: UTF8.self).contains("2025年12月11日"))
    }

    /// Each audience keeps its own cache in the one folder, so a nightly
    /// build of both sites reuses both.
    @Test func theStaffAndLeadershipSitesEachKeepTheirOwn() throws {
        let school = try School()
        let staff = school.folder.appendingPathComponent("staff")
        _ = try school.build()
        _ = try school.build(into: staff, ["--audience", "staff"])
        let again = try school.build(into: staff, ["--audience", "staff"])
        #expect(School.counts(again)?.rendered == 0)
        #expect(School.counts(try school.build())?.rendered == 0)
        #expect(
            Set(try FileManager.default.contentsOfDirectory(atPath: school.cache.path)) == [
                "leadership", "staff", ".leadership.growth-lock", ".staff.growth-lock", "parsed",
            ])
    }

    /// Two builds never use one cache at once (one would link the files the
    /// other is replacing): the second waits for the lock, or builds without
    /// the cache, whole and correct, when it may not wait.
    @Test func aCacheInUseIsNotShared() throws {
        let school = try School()
        _ = try school.build()
        do {
            let held = try OutputLock.acquire(for: school.cache.appendingPathComponent("leadership"), timeout: 0)
            defer { withExtendedLifetime(held) {} }
            let run = try school.build(["--lock-timeout", "0"])
            #expect(run.output.contains("growth build: building without the cache"), "\(run.output)")
            #expect(!run.output.contains("pages rendered"))
        }
        let full = school.folder.appendingPathComponent("full")
        _ = try school.build(into: full, cached: false)
        #expect(BuildCommandTests.snapshot(school.site) == BuildCommandTests.snapshot(full))
        #expect(School.counts(try school.build())?.rendered == 0)
    }

    /// The cache's files are the site's files on disk: one edited in place
    /// through the site (or emptied by a power cut) is not used again.
    /// A file a person put in the site is kept by the next build; a cache
    /// folder someone made in it (it holds `CACHEDIR.TAG`) is not, since it
    /// may hold the parsed content, confidential records too.
    @Test func aCacheFolderInsideTheSiteIsNotCarriedOver() throws {
        let school = try School()
        _ = try school.build(cached: false)
        let stray = school.site.appendingPathComponent("stray-cache")
        try FileManager.default.createDirectory(at: stray, withIntermediateDirectories: true)
        try CacheDirectoryTag.text("a cache").write(
            to: stray.appendingPathComponent("CACHEDIR.TAG"), atomically: false, encoding: .utf8)
        try "家庭情况".write(to: stray.appendingPathComponent("00"), atomically: false, encoding: .utf8)
        try "mine".write(to: school.site.appendingPathComponent("notes.txt"), atomically: false, encoding: .utf8)
        let run = try school.build(cached: false)
        #expect(run.output.contains("kept 1 file a person added to"), "\(run.output)")
        #expect(try String(contentsOf: school.site.appendingPathComponent("notes.txt"), encoding: .utf8) == "mine")
        #expect(!FileManager.default.fileExists(atPath: stray.path))
    }

    @Test func aCachedFileChangedSinceIsRenderedAgain() throws {
        let school = try School()
        _ = try school.build()
        let page = school.site.appendingPathComponent("students/s3/index.html")
        let handle = try FileHandle(forWritingTo: page)
        handle.seekToEndOfFile()
        handle.write(Data("EDITED IN PLACE".utf8))
        try handle.close()
        let run = try school.build()
        #expect(School.counts(run)?.rendered == 1, "\(run.output)")
        #expect(!(try String(contentsOf: page, encoding: .utf8)).contains("EDITED IN PLACE"))
        let full = school.folder.appendingPathComponent("full")
        _ = try school.build(into: full, cached: false)
        #expect(BuildCommandTests.snapshot(school.site) == BuildCommandTests.snapshot(full))
    }

    /// A growth file whose student's records and whose school's other files
    /// are all as they were is linked from the cache without being made.
    /// After every file of the school is edited in turn (a name renamed, or
    /// a sentence added), the cached build is the full build; and the debug
    /// build behind these tests makes each growth file it skips anyway and
    /// stops if its view differs from the one the cache holds.
    @Test func aGrowthFileIsKnownUnchangedByItsFiles() throws {
        let school = try School()
        // A confidential record and a pair of partners, which the fixture lacks.
        try school.write(
            "students/s3/2025-11-20-talk.md", "---\nmood: 2\nconfidential: true\n---\n家里的事，只对导师说。\n")
        let s4 = school.content.appendingPathComponent("students/s4/index.md")
        let text = try String(contentsOf: s4, encoding: .utf8)
        try text.replacingOccurrences(
            of: "---\n", with: "---\npartner: s3\n", options: [],
            range: text.startIndex..<text.index(text.startIndex, offsetBy: 4)
        )
        .write(to: s4, atomically: true, encoding: .utf8)
        let verbose = ["--allow-errors", "--verbose"]
        _ = try school.build(verbose)
        let edited = school.content.appendingPathComponent("students/s2/2025-11-11-talk.md")
        try "---\nmood: 5\n---\n改过。\n".write(to: edited, atomically: true, encoding: .utf8)
        let one = try school.build(verbose)
        #expect(
            one.output.contains("growth build: 3 growth files were known unchanged by their files alone"),
            "\(one.output)")

        let full = school.folder.appendingPathComponent("full")
        let files = BuildCommandTests.snapshot(school.content).keys.sorted()
        #expect(files.count > 25)
        for path in files {
            let url = school.content.appendingPathComponent(path)
            var text = try String(contentsOf: url, encoding: .utf8)
            if let name = text.firstRange(of: /\nname: [^\n]+/) {
                text.insert("改", at: name.upperBound)
            } else {
                text += "\n补充一句。\n"
            }
            try text.write(to: url, atomically: true, encoding: .utf8)
            for audience in path.hasSuffix("2025-11-20-talk.md") ? ["leadership", "staff"] : ["leadership"] {
                let site = school.folder.appendingPathComponent(audience)
                let run = try school.build(into: site, verbose + ["--audience", audience])
                _ = try school.build(into: full, cached: false, ["--allow-errors", "--audience", audience])
                #expect(
                    BuildCommandTests.snapshot(site) == BuildCommandTests.snapshot(full),
                    "after editing \(path): \(run.output)")
            }
        }
    }

    /// A file that cannot be read this time is not taken for the file the
    /// parse cache knew: when a student's file becomes a named pipe, their
    /// partner's growth file is made again without them, as a build without
    /// the cache makes it.
    @Test func aFileThatCannotBeReadIsNotTakenForUnchanged() throws {
        let school = try School()
        try school.write("students/s5/index.md", "---\nname: 学生五\nclass: c1\ntutor: t-c\npartner: s4\n---\n")
        let s4 = school.content.appendingPathComponent("students/s4/index.md")
        let text = try String(contentsOf: s4, encoding: .utf8)
        try ("---\npartner: s5\n" + text.dropFirst(4)).write(to: s4, atomically: true, encoding: .utf8)
        let options = ["--allow-errors"]
        _ = try school.build(options)
        _ = try school.build(options)
        #expect(
            String(decoding: BuildCommandTests.snapshot(school.site)["students/s4/index.html"]!, as: UTF8.self)
                .contains("学生五"))
        let pipe = school.content.appendingPathComponent("students/s5/index.md")
        try FileManager.default.removeItem(at: pipe)
        #expect(mkfifo(pipe.path, 0o644) == 0)
        let run = try school.build(options)
        #expect(run.output.contains("students/s5/index.md"), "\(run.output)")
        let full = school.folder.appendingPathComponent("full")
        _ = try school.build(into: full, cached: false, options)
        let site = BuildCommandTests.snapshot(school.site)
        #expect(site == BuildCommandTests.snapshot(full))
        #expect(!String(decoding: site["students/s4/index.html"]!, as: UTF8.self).contains("学生五"))
    }

    /// Every entry under `folder` and what it is, links not followed.
    static func tree(_ folder: URL) -> [String: FileAttributeType] {
        var found: [String: FileAttributeType] = [:]
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return found }
        while let path = walker.nextObject() as? String {
            let type = (try? FileManager.default.attributesOfItem(atPath: folder.path + "/" + path))?[.type]
            found[path] = type as? FileAttributeType
        }
        return found
    }

    /// The site a cached build replaces is kept in the cache, and the build
    /// after brings it up to date instead of making 2,000 folders and
    /// linking every file. Whatever is in it, the site that comes out is
    /// the full build's, and nothing outside it is touched.
    @Test func theSiteBeforeTheLastIsBroughtUpToDate() throws {
        let school = try School()
        _ = try school.build()
        try Change.edited.apply(to: school)
        _ = try school.build()
        let spare = school.cache.appendingPathComponent("leadership/spare")
        // It holds only the site's very files: not what s2's growth file said before, not the marker.
        let spareInode =
            (try FileManager.default.attributesOfItem(atPath: spare.path + "/students/s3/index.html"))[
                .systemFileNumber] as? UInt64
        #expect(spareInode != nil && spareInode == school.inode("students/s3/index.html"))
        #expect(!FileManager.default.fileExists(atPath: spare.path + "/students/s2/index.html"))
        #expect(!FileManager.default.fileExists(atPath: spare.path + "/.growth-site"))
        // A folder left empty goes too; one that holds a kept file stays.
        #expect(!FileManager.default.fileExists(atPath: spare.path + "/students/s2"))
        #expect(FileManager.default.fileExists(atPath: spare.path + "/students"))
        // Spoil the spare site every way: an extra file, a page with other
        // bytes, a folder where a file goes, a file where a folder goes, and
        // a link to a folder outside where a folder goes.
        let outside = school.folder.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try "mine".write(to: outside.appendingPathComponent("keep.txt"), atomically: false, encoding: .utf8)
        let manager = FileManager.default
        try "extra".write(to: spare.appendingPathComponent("extra.html"), atomically: false, encoding: .utf8)
        let page = spare.appendingPathComponent("students/s3/index.html")
        try manager.removeItem(at: page)
        try "STALE".write(to: page, atomically: false, encoding: .utf8)
        let index = spare.appendingPathComponent("search/index.js")
        try? manager.removeItem(at: index)
        try manager.createDirectory(at: index, withIntermediateDirectories: true)
        try "x".write(to: index.appendingPathComponent("inside"), atomically: false, encoding: .utf8)
        let ended = spare.appendingPathComponent("terms/2025-1/classes")
        try? manager.removeItem(at: ended)
        try "not a folder".write(to: ended, atomically: false, encoding: .utf8)
        let classes = spare.appendingPathComponent("classes")
        try? manager.removeItem(at: classes)
        try manager.createSymbolicLink(at: classes, withDestinationURL: outside)

        try Change.added.apply(to: school)
        let run = try school.build()
        let counts = try #require(School.counts(run))
        #expect(counts.reused > 0, "\(run.output)")
        let full = school.folder.appendingPathComponent("full")
        _ = try school.build(into: full, cached: false)
        #expect(BuildCommandTests.snapshot(school.site) == BuildCommandTests.snapshot(full))
        #expect(Self.tree(school.site) == Self.tree(full))
        #expect(!Self.tree(school.site).values.contains(.typeSymbolicLink))
        #expect(try manager.contentsOfDirectory(atPath: outside.path) == ["keep.txt"])
        #expect(try String(contentsOf: outside.appendingPathComponent("keep.txt"), encoding: .utf8) == "mine")
        // An unchanged page is the cache's own file, as a build without the spare would link it.
        let cached = school.cache.appendingPathComponent("leadership/files/students/s3/index.html")
        let cachedInode = (try manager.attributesOfItem(atPath: cached.path))[.systemFileNumber] as? UInt64
        #expect(school.inode("students/s3/index.html") == cachedInode)
        // Nothing is left beside the site; the site replaced is the next spare.
        let beside = try manager.contentsOfDirectory(atPath: school.folder.path)
        #expect(!beside.contains { $0.contains(".growth-new") }, "\(beside)")
        #expect(manager.fileExists(atPath: spare.appendingPathComponent("students/s3/index.html").path))
        #expect(!manager.fileExists(atPath: spare.appendingPathComponent("extra.html").path))
    }

    /// A `--cache` that names someone's folder is not emptied to make a cache.
    @Test func aFolderThatIsNotACacheIsLeftAlone() throws {
        let school = try School()
        let notes = school.cache.appendingPathComponent("leadership/notes.txt")
        try FileManager.default.createDirectory(
            at: notes.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "mine".write(to: notes, atomically: true, encoding: .utf8)
        // Nor is a folder in it that happens to be named as a cache's spare site.
        let spare = school.cache.appendingPathComponent("leadership/spare/mine.txt")
        try FileManager.default.createDirectory(
            at: spare.deletingLastPathComponent(), withIntermediateDirectories: true)
        try "mine too".write(to: spare, atomically: true, encoding: .utf8)
        let run = try school.build()
        #expect(
            run.output.contains("is not a growth cache (it has no CACHEDIR.TAG); it is left as it is"), "\(run.output)")
        #expect(try String(contentsOf: notes, encoding: .utf8) == "mine")
        _ = try school.build()
        #expect(try String(contentsOf: spare, encoding: .utf8) == "mine too")
        // An output inside the cache, or the other way round, is refused too.
        let inside = school.cache.appendingPathComponent("site")
        let overlap = try school.build(into: inside)
        #expect(overlap.output.contains("overlap, and a build replaces its output whole; the cache is not used"))
        // A cache inside the output would publish the parsed files, confidential ones too: nothing is kept.
        let inSite = school.site.appendingPathComponent("cache")
        let published = try school.build(cached: false, ["--cache", inSite.path])
        #expect(
            published.output.contains(
                "growth build: the cache \(inSite.path) is inside the site \(school.site.path), where it would be published; the cache is not used"
            ), "\(published.output)")
        #expect(!published.output.contains("files parsed"))
        #expect(!FileManager.default.fileExists(atPath: inSite.path))
        // So is a check's or a server's, inside any site growth built: the next build would carry it along.
        let check = try CheckCommandTests.growth([
            "check", "--content", school.content.path, "--as-of", "2025-12-10", "--cache", inSite.path,
        ])
        #expect(check.output.contains("growth check: the cache \(inSite.path) is inside the site"), "\(check.output)")
        #expect(!FileManager.default.fileExists(atPath: inSite.path))
    }
}
