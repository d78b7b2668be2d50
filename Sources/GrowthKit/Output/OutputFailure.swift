import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What went wrong writing the output, said from the operating system's
/// error so a user knows what to do.
enum OutputFailure {
    /// A diagnostic about the output folder: they name the folder, not a line.
    static func diagnostic(_ target: URL, _ message: String) -> Diagnostic {
        .error(.output, at: SourceLocation(path: target.standardizedFileURL.path), message)
    }

    /// The cause of an `errno`, in words: the common ones a user can act on
    /// are said plainly, the rest as the system says them.
    static func cause(_ code: Int32) -> String {
        switch code {
        case ENOSPC: "no space left on the device"
        case EDQUOT: "the disk quota is used up"
        case EACCES, EPERM: "permission denied"
        case EROFS: "read-only file system"
        case ENAMETOOLONG: "the name is too long"
        case EMFILE, ENFILE: "too many open files"
        case EIO: "an input/output error on the device"
        default: String(cString: strerror(code)).lowercased()
        }
    }

    /// Free bytes on the file system holding `path`, if it can be asked.
    static func freeBytes(at path: String) -> Int? {
        var stats = statvfs()
        guard statvfs(path, &stats) == 0 else { return nil }
        return Int(stats.f_bavail) * Int(stats.f_frsize)
    }

    /// `12.3 MB`.
    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 524_288) / 1_048_576
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}
