import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One build per output folder at a time: an OS file lock (`flock`) on a file
/// beside the output. The kernel releases it when the process ends, however
/// it ends, so a killed build never leaves a stale lock behind.
public final class OutputLock: Sendable {
    let descriptor: Int32
    /// `.<name>.growth-lock` beside the output folder.
    public let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit { close(descriptor) }

    /// The lock file of an output folder.
    public static func lockPath(for target: URL) -> String {
        let target = target.standardizedFileURL
        return target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).growth-lock")
            .path
    }

    /// Takes the lock of `target`, waiting up to `timeout` seconds for another
    /// build to finish; `waiting` is called once with who holds it when this
    /// build has to wait.
    public static func acquire(
        for target: URL, timeout: Double, waiting: (String) -> Void = { _ in }
    ) throws(Diagnostic) -> OutputLock {
        let path = lockPath(for: target)
        let parent = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw OutputFailure.diagnostic(
                target, "cannot open the build lock \(path): \(OutputFailure.cause(errno)); the old site is untouched")
        }
        let deadline = Date().addingTimeInterval(timeout)
        var announced = false
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                let cause = OutputFailure.cause(errno)
                close(descriptor)
                throw OutputFailure.diagnostic(target, "cannot take the build lock \(path): \(cause)")
            }
            let holder = Self.holder(descriptor)
            if Date() >= deadline {
                close(descriptor)
                throw OutputFailure.diagnostic(
                    target,
                    "another growth build is writing this folder (\(holder)); stopped after waiting "
                        + "\(Int(timeout)) s (--lock-timeout); the old site is untouched")
            }
            if !announced {
                waiting(holder)
                announced = true
            }
            usleep(100_000)
        }
        let lock = OutputLock(descriptor: descriptor, path: path)
        lock.recordHolder()
        return lock
    }

    /// Writes who holds the lock into the lock file, for a second build to say.
    func recordHolder() {
        let text = "pid \(getpid()) on \(ProcessInfo.processInfo.hostName), since \(Self.timestamp())\n"
        // Written over the last holder, then cut to its length: truncating
        // to nothing first frees the file's block, which this disk (mounted
        // with `discard`) waits for.
        let length = text.withCString { pwrite(descriptor, $0, strlen($0), 0) }
        if length >= 0 { ftruncate(descriptor, off_t(length)) }
    }

    /// What the lock file says of its holder.
    static func holder(_ descriptor: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        let text = count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : ""
        let line = text.split(separator: "\n").first.map(String.init) ?? ""
        return line.isEmpty ? "held by another process" : "held by \(line)"
    }

    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }
}
