#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a whole file with plain `open`, `write` and `close`: no flush to
/// the disk, which Foundation's writers wait for on every file. A site's
/// pages and a cache's files need none: a build that is cut off leaves the
/// old site, and every cache file is checked when it is read back (a
/// shard's checksum, a manifest that must decode, a page's stamp).
enum PlainFile {
    /// `bytes` written to `path`, replacing what was there; the `errno` of
    /// the first failure, nil when all was written.
    static func write(_ bytes: [UInt8], to path: String) -> Int32? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return errno }
        return write(bytes, closing: descriptor)
    }

    /// `bytes` written to a new file at `path`, which must not exist yet
    /// (`O_EXCL`: nothing is overwritten, not even a file made since its
    /// name was chosen). A write cut short (a full disk, a size limit)
    /// removes the file it made, so no part of it is left to be taken for
    /// the whole. The `errno` of the failure, nil when all was written.
    static func create(_ bytes: [UInt8], at path: String) -> Int32? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return errno }
        guard let failure = write(bytes, closing: descriptor) else { return nil }
        unlink(path)
        return failure
    }

    /// `bytes` written to `descriptor` to the last byte, then the descriptor
    /// closed; the `errno` of the first failure.
    private static func write(_ bytes: [UInt8], closing descriptor: Int32) -> Int32? {
        var offset = 0
        let failure: Int32? = bytes.withUnsafeBytes { buffer in
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        if close(descriptor) != 0, failure == nil { return errno }
        return failure
    }
}
