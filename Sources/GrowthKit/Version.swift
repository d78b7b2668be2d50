import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The version of growth: printed by `growth --version`, named by the release
/// binary, and pinned by a school's CI files.
public enum GrowthVersion {
    public static let current = "0.3.0"

    /// What `runningBinary` is when the binary cannot be read: no cache is
    /// then trusted, since any build of this version would match it.
    static let unknownBinary = "unknown"

    /// The running binary's GNU build id (the linker's digest of it, in a
    /// note near its start), else the digest of the whole file, else `unknown`.
    static let runningBinary: String = {
        let path = "/proc/self/exe"
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return unknownBinary }
        var head = [UInt8](repeating: 0, count: 8192)
        let count = head.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        // An ELF note: name size 4, descriptor size 20, type 3 (NT_GNU_BUILD_ID), "GNU\0".
        let note: [UInt8] = [4, 0, 0, 0, 20, 0, 0, 0, 3, 0, 0, 0, 0x47, 0x4E, 0x55, 0]
        if count > note.count + 20 {
            for start in stride(from: 0, through: count - note.count - 20, by: 4)
            where head[start..<start + note.count].elementsEqual(note) {
                let id = head[(start + note.count)..<(start + note.count + 20)]
                return "build-id " + id.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
            }
        }
        guard let data = FileManager.default.contents(atPath: path) else { return unknownBinary }
        var hasher = StableHasher()
        data.withUnsafeBytes { hasher.add(bytes: $0) }
        return PageDigest(value: hasher.state).description
    }()
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
