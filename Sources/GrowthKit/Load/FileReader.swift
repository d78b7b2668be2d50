#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the files of a content folder one after another into one buffer,
/// which each read uses again: a worker that reads 57,000 files makes no
/// array for each, and asks nothing of a file the folder listing already
/// said is a regular one. Not for sharing: one per worker.
final class FileReader {
    /// Where a file is opened from: an open folder, and how many bytes of
    /// the file's path (relative to the content folder) name that folder.
    struct Place {
        var folder: Int32
        var skipping = 0
        /// Whether the folder listed the file as a regular one (`d_type`).
        /// Else (a link, a file system that does not say) `fstat` is asked
        /// first: a named pipe read would wait for a writer.
        var isRegular = true

        var unchecked: Place {
            var place = self
            place.isRegular = false
            return place
        }

        /// The file's stamp for the parse cache.
        func stamp(_ path: String) -> ParseCache.Stamp? {
            path.withCString { ParseCache.stamp($0 + skipping, in: folder) }
        }
    }

    private var buffer: UnsafeMutableBufferPointer<UInt8>

    init(capacity: Int = 1 << 16) {
        buffer = .allocate(capacity: capacity)
    }

    deinit { buffer.deallocate() }

    /// The bytes of `path`, valid until the next read; nil when it cannot be
    /// opened or read, or is not a regular file.
    func read(_ path: String, at place: Place) -> UnsafeBufferPointer<UInt8>? {
        let descriptor = path.withCString {
            openat(place.folder, $0 + place.skipping, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        }
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        if !place.isRegular {
            var info = stat()
            guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
            // Room for the size it has and a byte more: one read, and a
            // short one, unless the file has grown since.
            let size = max(Int(info.st_size), 0)
            if size >= buffer.count { grow(to: size + 1, keeping: 0) }
        }
        var filled = 0
        while true {
            if filled == buffer.count { grow(to: max(buffer.count * 2, 1 << 12), keeping: filled) }
            let count = Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            filled += count
            // A regular file reads short only at its end: no last read to find it.
            if filled < buffer.count { break }
        }
        return UnsafeBufferPointer(rebasing: buffer[..<filled])
    }

    /// Room for `capacity` bytes, keeping the first `filled`.
    private func grow(to capacity: Int, keeping filled: Int) {
        let larger = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity)
        if filled > 0 { larger.baseAddress!.initialize(from: buffer.baseAddress!, count: filled) }
        buffer.deallocate()
        buffer = larger
    }
}
