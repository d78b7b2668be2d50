import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The parsed record and student files `--cache <folder>` keeps between
/// runs, in `<folder>/parsed/00` … `63`: each file by path, with the stamp
/// and the SHA-256 of the bytes it was parsed from (`ParseArchive`). A run reads
/// them all, parses only the files whose bytes changed, and writes again only
/// the shards holding a file that changed, appeared or went.
///
/// A shard written by another build of growth, one whose bytes do not match
/// the XXH64 checksum in its header, or one that does not decode, is
/// ignored, and its files are parsed again: the store is never trusted over
/// the content.
public enum ParseStore {
    static let shardCount = 64
    static let folderName = "parsed"
    private static let magic = Array("growth parsed files\n".utf8)
    /// What a shard must have been written by: this version and this very
    /// binary. Bodies are kept as Markdown, so the cmark it runs with is the
    /// page cache's concern (`BuildCache.Key`), not this store's.
    static let key = GrowthVersion.current + " " + GrowthVersion.runningBinary

    /// FNV-1a of the path: cheap, and the same on every machine.
    static func shard(of path: String) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in path.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return Int(hash % UInt64(shardCount))
    }

    private static func shardPath(_ shard: Int, in folder: URL) -> String {
        folder.appendingPathComponent(folderName).path + "/" + (shard < 10 ? "0" : "") + String(shard)
    }

    /// The parse cache kept in `folder` (nothing yet is an empty one), and
    /// why part of it was not used, when it was not.
    public static func load(from folder: URL) -> (ParseCache, ignored: String?) {
        let results = Results()
        DispatchQueue.concurrentPerform(iterations: shardCount) { shard in
            guard let bytes = ContentReader.readFile(shardPath(shard, in: folder)) else { return }
            do throws(ArchiveError) {
                var input = ArchiveReader(bytes)
                for byte in magic where try input.byte() != byte { throw ArchiveError() }
                guard GrowthVersion.runningBinary != GrowthVersion.unknownBinary, try input.string() == key else {
                    return results.ignore(shard, "it was written by another build of growth")
                }
                // A byte changed on the disk, or by hand, is not decoded into a model.
                guard try input.fixed() == input.restChecksum else { throw ArchiveError() }
                var entries: [String: ParseCache.Entry] = [:]
                let count = try input.count()
                entries.reserveCapacity(count)
                for _ in 0..<count {
                    let stamp = try input.optional { input throws(ArchiveError) in
                        ParseCache.Stamp(
                            size: Int64(try input.int()), inode: UInt64(bitPattern: Int64(try input.int())),
                            modified: Int64(try input.int()), changed: Int64(try input.int()))
                    }
                    let digest = try input.digest()
                    let file = try ParseArchive.read(from: &input)
                    guard shard == Self.shard(of: file.path) else { throw ArchiveError() }
                    entries[file.path] = ParseCache.Entry(stamp: stamp, digest: digest, file: file)
                }
                guard input.isAtEnd else { throw ArchiveError() }
                results.found(entries, in: shard)
            } catch {
                results.ignore(shard, "\(shardPath(shard, in: folder)) cannot be read")
            }
        }
        return (ParseCache(shards: results.shards, changedShards: results.unusable), results.ignored)
    }

    /// Writes the shards whose files changed since `cache` was loaded from
    /// `folder`; a warning's text when that cannot be done (the next run then
    /// parses those files again).
    public static func save(_ cache: ParseCache, to folder: URL) -> String? {
        let shards = cache.takeChangedShards()
        guard !shards.isEmpty else { return nil }
        let directory = folder.appendingPathComponent(folderName)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let tag = directory.appendingPathComponent(CacheDirectoryTag.name).path
            if !FileManager.default.fileExists(atPath: tag),
                let code = PlainFile.write(
                    Array(CacheDirectoryTag.text("growth --cache: the content files as parsed").utf8), to: tag)
            {
                return "cannot keep the parsed files in \(directory.path): \(String(cString: strerror(code)))"
            }
        } catch {
            let cause = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
            let reason = cause.map { String(cString: strerror(Int32($0.code))) } ?? error.localizedDescription
            return "cannot keep the parsed files in \(directory.path): \(reason)"
        }
        let work = shards
        let failures = Results()
        DispatchQueue.concurrentPerform(iterations: work.count) { index in
            let (shard, entries) = work[index]
            var body = ArchiveWriter()
            body.count(entries.count)
            for (_, entry) in entries.sorted(by: { $0.0 < $1.0 }) {
                body.optional(entry.stamp) { out, stamp in
                    out.int(Int(stamp.size))
                    out.int(Int(Int64(bitPattern: stamp.inode)))
                    out.int(Int(stamp.modified))
                    out.int(Int(stamp.changed))
                }
                body.digest(entry.digest)
                ParseArchive.write(entry.file, to: &body)
            }
            var out = ArchiveWriter()
            for byte in magic { out.byte(byte) }
            out.string(key)
            out.fixed(ShardChecksum.of(body.bytes))
            out.append(body)
            let final = shardPath(shard, in: folder)
            let temporary = final + ".new-\(getpid())-\(index)"
            guard PlainFile.write(out.bytes, to: temporary) == nil, rename(temporary, final) == 0
            else {
                unlink(temporary)
                return failures.ignore(shard, "cannot write \(final)")
            }
        }
        return failures.ignored.map { "\($0); those files are parsed again next time" }
    }

    /// What the shards' workers found, gathered under a lock.
    private final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var shards = [[String: ParseCache.Entry]](repeating: [:], count: shardCount)
        /// Shards not used, to be written again.
        private(set) var unusable: Set<Int> = []
        /// Why, for the first shard in order.
        private var reasons: [Int: String] = [:]

        var ignored: String? { reasons.min { $0.key < $1.key }?.value }

        func found(_ entries: [String: ParseCache.Entry], in shard: Int) { lock.withLock { shards[shard] = entries } }

        func ignore(_ shard: Int, _ reason: String) {
            lock.withLock {
                unusable.insert(shard)
                reasons[shard] = reason
            }
        }
    }
}

/// Marks a cache folder (the Cache Directory Tagging Specification, which
/// backup tools honour).
enum CacheDirectoryTag {
    static let name = "CACHEDIR.TAG"

    static func text(_ what: String) -> String { "Signature: 8a477f597d28d172789f06886806bc55\n# \(what).\n" }
}
