import Foundation
import Testing

@testable import GrowthKit

/// `--cache`'s parsed files (`ParseStore`): a run with them checks to the
/// very model and problems a run without them finds, parses again only the
/// files whose bytes changed, and ignores a store it did not write.
@Suite(.serialized) struct ParseStoreTests {
    /// A copy of the demo school, with a record that has errors, and a cache folder beside it.
    struct School {
        let folder: URL
        var content: URL { folder.appendingPathComponent("content") }
        var cache: URL { folder.appendingPathComponent("cache") }
        static let broken = "students/2024201/2025-10-30-talk-broken.md"

        init() throws {
            folder = try TestContent.temporaryFolder()
            try FileManager.default.copyItem(at: TestContent.packageRoot.appendingPathComponent("content"), to: content)
            try write("---\nmood: 9\nareas: [study, weather]\n---\n\n谈了学习。\n", to: Self.broken)
        }

        func write(_ text: String, to path: String) throws {
            try Data(text.utf8).write(to: content.appendingPathComponent(path))
        }

        /// A check as `growth check --cache` makes it: the store loaded, used and saved.
        func check() async -> (CheckedContent, ParseCache.Counts, ignored: String?) {
            let (store, ignored) = ParseStore.load(from: cache)
            let checked = await ContentCheck.run(
                content: content, asOf: Day(iso: "2026-11-20"), sourceDateEpoch: nil, now: TestContent.fixedNow,
                cache: store
            ).0
            #expect(ParseStore.save(store, to: cache) == nil)
            return (checked, store.takeCounts(), ignored)
        }

        func uncached() async -> CheckedContent {
            await TestContent.check(content, asOf: Day(iso: "2026-11-20"))
        }

        /// How many files are neither records nor students (and so are parsed on every run).
        var otherFiles: Int {
            get throws {
                try TestContent.read(content).keys.filter { !($0.hasPrefix("students/") && $0.hasSuffix(".md")) }.count
            }
        }
    }

    @Test func digestIsSHA256() {
        // As `sha256sum` prints them.
        let cases: [([UInt8], String)] = [
            ([], "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            (Array("abc".utf8), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ]
        for (bytes, hex) in cases { #expect(ContentDigest.of(bytes).hex == hex, "\(bytes.count) bytes") }
        #expect(ContentDigest.of(Array("abc".utf8)) != ContentDigest.of(Array("abd".utf8)))
    }

    @Test func shardChecksumIsXXH64() {
        // Reference values from Python's xxhash package (xxh64, seed 0).
        let cases: [([UInt8], UInt64)] = [
            ([], 0xef46_db37_51d8_e999),
            (Array("a".utf8), 0xd24e_c4f1_a98c_6e5b),
            (Array("abc".utf8), 0x44bc_2cf5_ad77_0999),
            (Array(String(repeating: "growth", count: 7).utf8), 0xada2_5f16_8101_f563),
            (
                Array((0...255).map(UInt8.init)) + Array((0...255).map(UInt8.init)) + Array((0...255).map(UInt8.init))
                    + Array("xyz12".utf8), 0x9b7d_50c0_4781_8b1b
            ),
        ]
        for (bytes, checksum) in cases { #expect(ShardChecksum.of(bytes) == checksum, "\(bytes.count) bytes") }
    }

    @Test func cachedCheckFindsWhatAFreshCheckFinds() async throws {
        let school = try School()
        defer { TestContent.remove(school.folder) }
        let fresh = await school.uncached()
        #expect(fresh.diagnostics.contains { $0.location.path == School.broken && $0.message.contains("weather") })

        let (first, firstCounts, firstIgnored) = await school.check()
        #expect(firstIgnored == nil)
        #expect(firstCounts.reused == 0)
        let (second, secondCounts, _) = await school.check()
        // Every record and student came from the store; only the other files were parsed.
        #expect(secondCounts.parsed == (try school.otherFiles))
        #expect(secondCounts.reused == firstCounts.parsed - (try school.otherFiles))
        for checked in [first, second] {
            #expect(checked.diagnostics == fresh.diagnostics)
            #expect(checked.school == fresh.school)
        }
        #expect(second.school?.records.contains { $0.id == "2024201/2025-10-30-talk-broken" } == true)
    }

    @Test func aFileIsParsedAgainOnlyWhenItsBytesChange() async throws {
        let school = try School()
        defer { TestContent.remove(school.folder) }
        _ = await school.check()
        let others = try school.otherFiles

        // Saved again with the same bytes (a new stamp, as in a fresh clone): not parsed.
        let record = school.content.appendingPathComponent(School.broken)
        let bytes = try Data(contentsOf: record)
        try FileManager.default.removeItem(at: record)
        try bytes.write(to: record)
        #expect(await school.check().1.parsed == others)

        // Mended: parsed, and its errors are gone.
        try school.write("---\nmood: 4\nareas: [study]\n---\n\n谈了学习。\n", to: School.broken)
        let (mended, counts, _) = await school.check()
        #expect(counts.parsed == others + 1)
        #expect(!mended.diagnostics.contains { $0.location.path == School.broken })
        #expect(mended.diagnostics == (await school.uncached()).diagnostics)

        // Deleted: gone from the model, and from the store.
        try FileManager.default.removeItem(at: record)
        let (deleted, _, _) = await school.check()
        #expect(deleted.school?.records.contains { $0.source.path == School.broken } == false)
        var kept = try TestContent.read(school.content).keys.filter { $0.hasPrefix("students/") && $0.hasSuffix(".md") }
        #expect(ParseStore.load(from: school.cache).0.count == kept.count)
        #expect(deleted.school == (await school.uncached()).school)

        // One file gone and one that cannot be read (a named pipe) come in the
        // same run: the gone one still leaves the store, and the pipe does not block the read.
        let gone = try #require(kept.first { !$0.hasSuffix("index.md") })
        try FileManager.default.removeItem(at: school.content.appendingPathComponent(gone))
        let pipe = "students/2024201/2025-10-31-talk.md"
        #expect(mkfifo(school.content.appendingPathComponent(pipe).path, 0o644) == 0)
        let (withPipe, _, _) = await school.check()
        #expect(
            withPipe.diagnostics.contains {
                $0.location.path == pipe && $0.message == "the file cannot be read" && $0.severity == .error
            })
        kept.removeAll { $0 == gone }
        #expect(ParseStore.load(from: school.cache).0.count == kept.count)
    }

    @Test func aStoreWrittenByAnotherBuildIsIgnored() async throws {
        let school = try School()
        defer { TestContent.remove(school.folder) }
        let (first, firstCounts, _) = await school.check()
        let shards = school.cache.appendingPathComponent("parsed")
        let names = try FileManager.default.contentsOfDirectory(atPath: shards.path).filter { $0.count == 2 }
        #expect(names.count == ParseStore.shardCount)

        // Another build's key, with this build's record in it: it must not be used.
        var other = ArchiveWriter()
        for byte in Array("growth parsed files\n".utf8) { other.byte(byte) }
        other.string(GrowthVersion.current + " build-id 0000")
        other.count(0)
        for name in names { try Data(other.bytes).write(to: shards.appendingPathComponent(name)) }
        let (second, counts, ignored) = await school.check()
        #expect(ignored == "it was written by another build of growth")
        #expect(counts.parsed == firstCounts.parsed)
        #expect(second.diagnostics == first.diagnostics)

        // Cut short: ignored too, and written again whole.
        let shard = shards.appendingPathComponent(names[0])
        let whole = try Data(contentsOf: shard)
        try whole.prefix(whole.count / 2).write(to: shard)
        let (third, _, cut) = await school.check()
        #expect(cut == "\(shard.path) cannot be read")
        #expect(third.diagnostics == first.diagnostics)
        // Written again whole: read back with nothing ignored (its stamps may differ from before).
        #expect(ParseStore.load(from: school.cache).ignored == nil)

        // One byte changed inside (a disk's error, a hand's edit): its digest no longer matches.
        var flipped = whole
        flipped[flipped.count - 40] ^= 0x01
        try flipped.write(to: shard)
        let (fourth, _, changed) = await school.check()
        #expect(changed == "\(shard.path) cannot be read")
        #expect(fourth.diagnostics == first.diagnostics)
        #expect(ParseStore.load(from: school.cache).ignored == nil)
    }

    /// A file changed less than two seconds before the read keeps no stamp,
    /// so a second save within one tick of the file system's clock is read.
    @Test func aFileJustSavedIsDigestedNextTime() {
        let now = ParseCache.now()
        let fresh = ParseCache.Stamp(size: 10, inode: 1, modified: now - 500_000_000, changed: now - 500_000_000)
        let settled = ParseCache.Stamp(size: 10, inode: 1, modified: now - 5_000_000_000, changed: now - 5_000_000_000)
        let touched = ParseCache.Stamp(size: 10, inode: 1, modified: now - 5_000_000_000, changed: now)
        #expect(ParseCache.kept(fresh, readStarted: now) == nil)
        #expect(ParseCache.kept(touched, readStarted: now) == nil)
        #expect(ParseCache.kept(settled, readStarted: now) == settled)
    }

    /// A file dated past 2262 (its nanoseconds past Int64) stamps without a trap.
    @Test func aFileFromTheFarFutureIsStamped() throws {
        let root = try TestContent.write(["a.md": "x"])
        defer { TestContent.remove(root) }
        let path = root.appendingPathComponent("a.md").path
        var times = [timespec(tv_sec: 10_413_792_000, tv_nsec: 0), timespec(tv_sec: 10_413_792_000, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, path, &times, 0) == 0)
        #expect(FileReader.Place(folder: AT_FDCWD).stamp(path)?.size == 1)
    }

    /// `growth check --cache`, as a pre-commit hook runs it: the same report,
    /// and with `--verbose` a line saying how much was parsed; `growth build
    /// --cache` says it at its end.
    @Test func checkAndBuildWithACacheSayHowMuchTheyParsed() throws {
        let school = try School()
        defer { TestContent.remove(school.folder) }
        let arguments = ["check", "--content", school.content.path, "--as-of", "2026-11-20", "--verbose"]
        let plain = try CheckCommandTests.growth(arguments)
        let first = try CheckCommandTests.growth(arguments + ["--cache", school.cache.path])
        let second = try CheckCommandTests.growth(arguments + ["--cache", school.cache.path])
        let files = try TestContent.read(school.content).count
        let others = try school.otherFiles
        #expect(plain.status == 1)
        #expect(
            first.output.contains("growth: \(files) of \(files) files parsed, the others unchanged since the cache"))
        #expect(
            second.output.contains("growth: \(others) of \(files) files parsed, the others unchanged since the cache"),
            "\(second.output)")
        for run in [first, second] {
            #expect(run.status == plain.status)
            #expect(
                run.output.split(separator: "\n").filter { !$0.hasPrefix("growth: ") }
                    == plain.output.split(separator: "\n"))
        }
        // Without --verbose, as the hook runs it, the report alone.
        let quiet = try CheckCommandTests.growth(Array(arguments.dropLast()) + ["--cache", school.cache.path])
        #expect(!quiet.output.contains("files parsed"))

        let build = try CheckCommandTests.growth([
            "build", "--allow-errors", "--content", school.content.path, "--as-of", "2026-11-20", "--no-history",
            "--output", school.folder.appendingPathComponent("site").path, "--cache", school.cache.path,
        ])
        #expect(build.status == 0)
        #expect(build.output.contains("files kept as they were; \(others) of \(files) files parsed"), "\(build.output)")
    }

    /// Every field of a record and a student, set, comes back from the
    /// archive as it went in; and the archive knows every field there is: a
    /// field added to the model and not to `ParseArchive` fails here, not as
    /// a value lost in a cached build.
    @Test func everyFieldComesBack() throws {
        let path = "students/s1/2025-10-09-review-term.md"
        let body = MarkdownBody(markdown: "# 一\n\n谈了*学习*\n\n## 二\n", isEmpty: false)
        var record = Parsed(
            value: Record(
                id: "s1/2025-10-09-review-term", studentID: "s1", date: Day(iso: "2025-10-09")!, type: .review,
                slug: "term", tutorID: "t1", mood: 4, areas: [.study, .family], duration: 45, isConfidential: true,
                followUps: [
                    FollowUp(
                        action: "家访", due: Day(iso: "2025-10-20"), done: true,
                        source: SourceLocation(path: path, line: 7, column: 5)),
                    FollowUp(
                        action: "谈话", due: nil, done: false, source: SourceLocation(path: path, line: 8, column: 5)),
                ],
                review: Review(effect: 3, decision: .change), written: Day(iso: "2025-10-11"), body: body,
                source: SourceLocation(path: path)),
            dateLocation: SourceLocation(path: path, line: 2, column: 7))
        record.references = [
            IDReference(
                kind: .tutor, id: "t1", location: SourceLocation(path: path, line: 3, column: 8), field: "tutor"),
            IDReference(kind: .student, id: "s1", location: SourceLocation(path: "elsewhere.md"), field: "folder"),
        ]
        record.fieldLocations = ["confidential": SourceLocation(path: path, line: 4, column: 1)]
        record.cells = ["q1": "5"]
        let studentPath = "students/s1/index.md"
        var student = Parsed(
            value: Student(
                id: "s1", name: "学生一", classID: "c1",
                tutors: [
                    TutorAssignment(tutor: "t1", from: nil, until: Day(iso: "2025-12-31")),
                    TutorAssignment(tutor: "t2", from: Day(iso: "2026-01-01")),
                ],
                partners: [Partnership(student: "s2", from: Day(iso: "2025-09-01"), to: Day(iso: "2026-01-15"))],
                key: .terms(["2025-1", "2025-2"]), joined: Day(iso: "2025-09-01"), left: Day(iso: "2027-07-01"),
                family: FamilyCircumstances(structure: .singleParent, notes: "随母亲生活"), background: body,
                source: SourceLocation(path: studentPath)))
        student.references = [
            IDReference(kind: .schoolClass, id: "c1", location: SourceLocation(path: studentPath), field: "class")
        ]
        let files = [
            ParsedFile(
                path: path, document: .record(record),
                diagnostics: [.warning(.unknownField, at: SourceLocation(path: path, line: 5, column: 1), "`x` 未知")]),
            ParsedFile(path: studentPath, document: .student(student), diagnostics: []),
            ParsedFile(
                path: "students/s1/bad.md", document: nil,
                diagnostics: [.error(.fileName, at: SourceLocation(path: "students/s1/bad.md"), "bad")]),
        ]
        for file in files {
            #expect(ParseArchive.keeps(file))
            var out = ArchiveWriter()
            ParseArchive.write(file, to: &out)
            var input = ArchiveReader(out.bytes)
            let back = try ParseArchive.read(from: &input)
            #expect(input.isAtEnd)
            #expect(back.path == file.path)
            #expect(back.diagnostics == file.diagnostics)
            switch (file.document, back.document) {
            case (.record(let a), .record(let b)):
                #expect(a.value == b.value)
                #expect(a.value.content.read(.storing) == b.value.content.read(.storing))
                #expect(a.references == b.references)
                #expect(a.dateLocation == b.dateLocation && a.fieldLocations == b.fieldLocations && a.cells == b.cells)
            case (.student(let a), .student(let b)):
                #expect(a.value == b.value)
                #expect(a.value.family.read(.storing) == b.value.family.read(.storing))
                #expect(a.value.background.read(.storing) == b.value.background.read(.storing))
                #expect(a.references == b.references)
            case (nil, nil): break
            default: Issue.record("\(file.path) came back as another kind")
            }
        }
        // Cut anywhere, the bytes throw rather than decode into something else.
        var out = ArchiveWriter()
        ParseArchive.write(files[0], to: &out)
        for length in stride(from: 0, to: out.bytes.count, by: 7) {
            var input = ArchiveReader(Array(out.bytes.prefix(length)))
            #expect(throws: ArchiveError.self) { _ = try ParseArchive.read(from: &input) }
        }

        // What the archive writes, field by field: a new field must be added there and here.
        func fields(_ value: Any) -> [String] { Mirror(reflecting: value).children.compactMap(\.label) }
        let recordFields = Mirror(reflecting: record.value).children.first.map { fields($0.value) }
        #expect(recordFields == ["id", "studentID", "date", "type", "tutorID", "written", "content", "source"])
        let content = try #require(record.value.content.read(.storing))
        #expect(fields(content) == ["slug", "mood", "areas", "duration", "followUps", "review", "body"])
        #expect(fields(content.followUps[0]) == ["action", "due", "done", "source"])
        #expect(fields(content.review!) == ["effect", "decision"])
        #expect(fields(body) == ["markdown", "isEmpty"])
        #expect(
            fields(student.value) == [
                "id", "name", "classID", "tutors", "partners", "key", "joined", "left", "family", "background",
                "source",
            ])
        #expect(fields(student.value.tutors[0]) == ["tutor", "from", "until"])
        #expect(fields(student.value.partners[0]) == ["student", "from", "to"])
        #expect(fields(FamilyCircumstances(structure: nil, notes: nil)) == ["structure", "notes"])
        #expect(fields(record) == ["value", "references", "dateLocation", "fieldLocations", "cells"])
        #expect(fields(record.references[0]) == ["kind", "id", "location", "field"])
        #expect(fields(files[0]) == ["path", "document", "diagnostics"])
        #expect(fields(files[0].diagnostics[0]) == ["severity", "rule", "location", "message"])
        #expect(fields(SourceLocation(path: "")) == ["path", "line", "column"])
    }
}
