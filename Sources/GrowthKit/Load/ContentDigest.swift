internal import Crypto

/// The SHA-256 of a file's bytes (swift-crypto): how the parse store knows a
/// file it kept is unchanged when its stamp is not (a fresh clone in CI
/// gives every file a new inode and time), and how a shard of the store
/// knows its own bytes are whole. A cryptographic digest, so no one can
/// write two files with the same one and have the store take one for the other.
struct ContentDigest: Hashable, Sendable {
    let words: (UInt64, UInt64, UInt64, UInt64)

    init(words: (UInt64, UInt64, UInt64, UInt64)) { self.words = words }

    static func of(_ bytes: [UInt8]) -> ContentDigest {
        bytes.withUnsafeBytes { of($0) }
    }

    static func of(_ bytes: UnsafeRawBufferPointer) -> ContentDigest {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        SHA256.hash(data: bytes).withUnsafeBytes { digest in
            words = (
                digest.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
                digest.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
                digest.loadUnaligned(fromByteOffset: 16, as: UInt64.self),
                digest.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
            )
        }
        return ContentDigest(words: words)
    }

    /// 64 hexadecimal digits, as `sha256sum` prints them.
    var hex: String {
        var bytes: [UInt8] = []
        for word in [words.0, words.1, words.2, words.3] {
            withUnsafeBytes(of: word) { bytes += $0 }
        }
        return bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    static func == (a: ContentDigest, b: ContentDigest) -> Bool {
        a.words.0 == b.words.0 && a.words.1 == b.words.1 && a.words.2 == b.words.2 && a.words.3 == b.words.3
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }
}

/// The SHA-256 of every content file a run read, by path: what a build with
/// `--cache` knows an unchanged growth file by without making it. Empty
/// without a parse cache. It is the parse cache's shards as the read left
/// them: gathering 57,000 digests into one table took longer than the
/// pages it spares.
public struct SourceDigests: Sendable {
    private let shards: [[String: ParseCache.Entry]]

    init(shards: [[String: ParseCache.Entry]]) { self.shards = shards }

    public static let none = SourceDigests(shards: [])

    var isEmpty: Bool { shards.allSatisfy(\.isEmpty) }

    subscript(path: String) -> ContentDigest? {
        shards.isEmpty ? nil : shards[ParseStore.shard(of: path)][path]?.digest
    }

    /// Each file's path and digest, and whether it is a record, in no order.
    func each(_ body: (_ path: String, _ digest: ContentDigest, _ isRecord: Bool) -> Void) {
        for shard in shards {
            for (path, entry) in shard {
                if case .record = entry.file.document {
                    body(path, entry.digest, true)
                } else {
                    body(path, entry.digest, false)
                }
            }
        }
    }
}
