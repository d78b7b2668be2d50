import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Parsed files by path, with the stamp and the SHA-256 of the bytes they
/// were parsed from: what lets `growth serve` re-read only the files a save
/// changed, and `--cache` skip parsing the files unchanged since the last run.
public final class ParseCache: @unchecked Sendable {
    /// Size, inode, and modification and change times in nanoseconds.
    struct Stamp: Hashable {
        var size: Int64
        var inode: UInt64
        var modified: Int64
        var changed: Int64
    }

    struct Entry {
        var stamp: Stamp?
        var digest: ContentDigest
        var file: ParsedFile
    }

    /// How many files of the last read came from the cache and how many were parsed.
    public struct Counts: Sendable, Equatable {
        public var reused = 0
        public var parsed = 0
    }

    /// By `ParseStore.shard(of:)` of the path: the store's shards, read and
    /// written without sorting the files into them, each behind its own
    /// lock, so that the read's workers seldom wait for one another.
    private let shards: [Shard]

    private final class Shard {
        let lock = NSLock()
        var entries: [String: Entry] = [:]
        /// Whether the store on disk no longer holds the shard as it is.
        var changed = false
        var counted = Counts()

        init(_ entries: [String: Entry] = [:], changed: Bool = false) {
            self.entries = entries
            self.changed = changed
        }

        /// Notes that the store no longer holds `file` as it is now. Under the lock.
        func change(_ file: ParsedFile) {
            if ParseArchive.keeps(file) { changed = true }
        }
    }

    public init() { shards = (0..<ParseStore.shardCount).map { _ in Shard() } }

    init(shards entries: [[String: Entry]], changedShards: Set<Int>) {
        shards = entries.indices.map { Shard(entries[$0], changed: changedShards.contains($0)) }
    }

    private func shard(_ path: String) -> Shard { shards[ParseStore.shard(of: path)] }

    /// The stamp of `path` in the open `folder`. Wrapping: a file dated
    /// past the year 2262 must not stop the read.
    static func stamp(_ path: UnsafePointer<CChar>, in folder: Int32) -> Stamp? {
        var info = stat()
        guard fstatat(folder, path, &info, 0) == 0 else { return nil }
        return Stamp(
            size: Int64(info.st_size), inode: UInt64(info.st_ino),
            modified: Int64(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int64(info.st_mtim.tv_nsec),
            changed: Int64(info.st_ctim.tv_sec) &* 1_000_000_000 &+ Int64(info.st_ctim.tv_nsec))
    }

    /// Nanoseconds since 1970 by the clock file times are set from.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) &* 1_000_000_000 &+ Int64(time.tv_nsec)
    }

    /// The stamp to keep for a file read after `readStarted`: none when the
    /// file changed less than two seconds before, since a second save within
    /// the file system's clock tick would leave the same stamp on other
    /// bytes (git's "racy" index entries). Such a file is read and digested
    /// next time, and gets its stamp once it is older.
    static func kept(_ stamp: Stamp?, readStarted: Int64) -> Stamp? {
        guard let stamp else { return nil }
        let settled = readStarted &- 2_000_000_000
        return stamp.modified < settled && stamp.changed < settled ? stamp : nil
    }

    /// The file as parsed before, when its stamp is the one it had then.
    func file(_ path: String, stamp: Stamp) -> ParsedFile? {
        let shard = shard(path)
        return shard.lock.withLock {
            guard let entry = shard.entries[path], entry.stamp == stamp else { return nil }
            shard.counted.reused += 1
            return entry.file
        }
    }

    /// The file as parsed before, when its bytes are the ones it had then;
    /// kept under its new stamp from now on.
    func file(_ path: String, digest: ContentDigest, stamp: Stamp?) -> ParsedFile? {
        let shard = shard(path)
        return shard.lock.withLock {
            guard var entry = shard.entries[path], entry.digest == digest else { return nil }
            shard.counted.reused += 1
            if entry.stamp != stamp {
                entry.stamp = stamp
                shard.entries[path] = entry
                shard.change(entry.file)
            }
            return entry.file
        }
    }

    func store(_ file: ParsedFile, stamp: Stamp?, digest: ContentDigest) {
        let shard = shard(file.path)
        shard.lock.withLock {
            shard.entries[file.path] = Entry(stamp: stamp, digest: digest, file: file)
            shard.counted.parsed += 1
            shard.change(file)
        }
    }

    /// The digest of every file it holds, by path: its shards as they are
    /// now, not gathered into one table.
    var digests: SourceDigests {
        SourceDigests(shards: shards.map { shard in shard.lock.withLock { shard.entries } })
    }

    /// Forgets a file that could not be read this time.
    func forget(_ path: String) {
        let shard = shard(path)
        shard.lock.withLock {
            guard let entry = shard.entries.removeValue(forKey: path) else { return }
            shard.change(entry.file)
        }
    }

    /// How many files it holds.
    var count: Int { shards.reduce(0) { total, shard in total + shard.lock.withLock { shard.entries.count } } }

    /// Forgets the files that are gone, `paths` being every file read, of
    /// which it holds `read`: none when that is every file it holds.
    func keep(only paths: [String], holding read: Int) {
        guard read < count else { return }
        let paths = Set(paths)
        for shard in shards {
            shard.lock.withLock {
                for (path, entry) in shard.entries where !paths.contains(path) {
                    shard.change(entry.file)
                    shard.entries[path] = nil
                }
            }
        }
    }

    /// The counts since the last call, which starts them again.
    public func takeCounts() -> Counts {
        shards.reduce(into: Counts()) { total, shard in
            shard.lock.withLock {
                total.reused += shard.counted.reused
                total.parsed += shard.counted.parsed
                shard.counted = Counts()
            }
        }
    }

    /// What the store keeps of each shard that changed, and forgets that it did.
    func takeChangedShards() -> [(shard: Int, entries: [String: Entry])] {
        shards.indices.compactMap { index in
            let shard = shards[index]
            return shard.lock.withLock {
                guard shard.changed else { return nil }
                shard.changed = false
                return (index, shard.entries.filter { ParseArchive.keeps($0.value.file) })
            }
        }
    }
}
