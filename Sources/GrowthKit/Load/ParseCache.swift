import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Parsed files by path, with the stamp and the digest of the bytes they
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
        var digest: UInt64
        var file: ParsedFile
    }

    /// How many files of the last read came from the cache and how many were parsed.
    public struct Counts: Sendable, Equatable {
        public var reused = 0
        public var parsed = 0
    }

    private let lock = NSLock()
    /// By `ParseStore.shard(of:)` of the path: the store's shards, read and
    /// written without sorting the files into them.
    private var shards = [[String: Entry]](repeating: [:], count: ParseStore.shardCount)
    private var counted = Counts()
    /// The shards of the store on disk whose files changed since it was read.
    private var changedShards: Set<Int> = []

    public init() {}

    init(shards: [[String: Entry]], changedShards: Set<Int>) {
        self.shards = shards
        self.changedShards = changedShards
    }

    /// Wrapping: a file dated past the year 2262 must not stop the read.
    static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
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
        let shard = ParseStore.shard(of: path)
        return lock.withLock {
            guard let entry = shards[shard][path], entry.stamp == stamp else { return nil }
            counted.reused += 1
            return entry.file
        }
    }

    /// The file as parsed before, when its bytes are the ones it had then;
    /// kept under its new stamp from now on.
    func file(_ path: String, digest: UInt64, stamp: Stamp?) -> ParsedFile? {
        let shard = ParseStore.shard(of: path)
        return lock.withLock {
            guard var entry = shards[shard][path], entry.digest == digest else { return nil }
            counted.reused += 1
            if entry.stamp != stamp {
                entry.stamp = stamp
                shards[shard][path] = entry
                changed(entry.file, in: shard)
            }
            return entry.file
        }
    }

    func store(_ file: ParsedFile, stamp: Stamp?, digest: UInt64) {
        let shard = ParseStore.shard(of: file.path)
        lock.withLock {
            shards[shard][file.path] = Entry(stamp: stamp, digest: digest, file: file)
            counted.parsed += 1
            changed(file, in: shard)
        }
    }

    /// How many files it holds.
    var count: Int { lock.withLock { shards.reduce(0) { $0 + $1.count } } }

    /// Forgets the files that are gone: none when every file it holds was read.
    func keep(only paths: [String]) {
        lock.withLock {
            var read = 0
            for path in paths where shards[ParseStore.shard(of: path)][path] != nil { read += 1 }
            guard read < shards.reduce(0, { $0 + $1.count }) else { return }
            let paths = Set(paths)
            for shard in shards.indices {
                for (path, entry) in shards[shard] where !paths.contains(path) {
                    changed(entry.file, in: shard)
                    shards[shard][path] = nil
                }
            }
        }
    }

    /// The counts since the last call, which starts them again.
    public func takeCounts() -> Counts {
        lock.withLock {
            defer { counted = Counts() }
            return counted
        }
    }

    /// Notes that the store on disk no longer holds `file` as it is now. Under the lock.
    private func changed(_ file: ParsedFile, in shard: Int) {
        if ParseArchive.keeps(file) { changedShards.insert(shard) }
    }

    /// What the store keeps of each shard that changed, and forgets that it did.
    func takeChangedShards() -> [(shard: Int, entries: [String: Entry])] {
        lock.withLock {
            defer { changedShards = [] }
            return changedShards.sorted().map { shard in
                (shard, shards[shard].filter { ParseArchive.keeps($0.value.file) })
            }
        }
    }
}
