import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Calls back when a file under the watched folders is saved, created,
/// moved or deleted: inotify on Linux, every folder watched, new folders
/// added as they appear.
final class ContentWatcher: @unchecked Sendable {
    private let descriptor: Int32
    private var folders: [Int32: String] = [:]
    private let changed: @Sendable () -> Void
    private static let mask: UInt32 = UInt32(
        IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_MODIFY | IN_ATTRIB)

    init?(_ roots: [URL], changed: @escaping @Sendable () -> Void) {
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        self.changed = changed
        for root in roots { watchTree(root.standardizedFileURL.path) }
        let thread = Thread { [self] in self.loop() }
        thread.name = "growth-serve-watcher"
        thread.start()
    }

    private func watchTree(_ path: String) {
        let watch = inotify_add_watch(descriptor, path, Self.mask)
        if watch >= 0 { folders[watch] = path }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for entry in entries where !entry.hasPrefix(".") {
            var isFolder: ObjCBool = false
            let child = path + "/" + entry
            if FileManager.default.fileExists(atPath: child, isDirectory: &isFolder), isFolder.boolValue {
                watchTree(child)
            }
        }
    }

    private func loop() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else {
                if errno == EINTR { continue }
                return
            }
            var offset = 0
            var relevant = false
            while offset + MemoryLayout<inotify_event>.size <= count {
                let (watch, mask, length, name) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int, String) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    let start = offset + MemoryLayout<inotify_event>.size
                    let bytes = raw[start..<min(start + Int(event.len), count)].prefix { $0 != 0 }
                    return (event.wd, event.mask, Int(event.len), String(decoding: bytes, as: UTF8.self))
                }
                offset += MemoryLayout<inotify_event>.size + length
                // Editors' swap and backup files say nothing about the content.
                if name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") { continue }
                relevant = true
                if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0,
                    let parent = folders[watch]
                {
                    watchTree(parent + "/" + name)
                }
            }
            if relevant { changed() }
        }
    }
}
