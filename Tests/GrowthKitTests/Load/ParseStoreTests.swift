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

    @Test func digestIsXXH64() {
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
        for (bytes, digest) in cases { #expect(ContentDigest.of(bytes) == digest, "\(bytes.count) bytes") }
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
        #expect(ParseStore.load(from: school.cache).0.file(School.broken, digest: 0, stamp: nil) == nil)
        #expect(deleted.school == (await school.uncached()).school)
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
        #expect(try Data(contentsOf: shard) == whole)
        #expect(await school.check().2 == nil)
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
}
