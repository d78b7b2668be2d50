import Foundation

/// A problem writing the output folder, said so a user knows what to do.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String

    public var description: String { "\(path): error: \(message)" }
}

/// Writes a built site into its folder all at once: into a temporary folder
/// beside the target, then swapped in whole, so a reader (or a failed build)
/// never sees half a site. Only a folder `growth` made is replaced: the marker
/// file says so.
public enum OutputFolder {
    /// The marker file in every folder `growth` writes.
    public static let marker = ".growth-site"
    static let markerText = "This folder is built by growth; `growth build` replaces it whole.\n"

    /// The README every output folder carries, the same as the committed `site/README.md`,
    /// so a fresh clone's `site/` holding only it is recognised as the tool's.
    public static let readme = """
        # site/

        `growth build` writes the generated site here (the default `--output`).
        Everything in this folder but this file is built, not committed: rebuild it
        with the README's first command. `growth` refuses to replace a folder it did
        not create; the `.growth-site` marker file says it did.

        """

    /// Replaces `target` with exactly `files` (relative path → bytes).
    public static func write(_ files: [String: [UInt8]], to target: URL) throws(OutputError) {
        let manager = FileManager.default
        let target = target.standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        let exists = try checkReplaceable(target)
        let staging = parent.appendingPathComponent(".\(name).growth-new")
        let previous = parent.appendingPathComponent(".\(name).growth-old")
        func fail(_ message: String) -> OutputError { OutputError(path: target.path, message: message) }
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            try? manager.removeItem(at: staging)
            try? manager.removeItem(at: previous)
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            var all = files
            all[marker] = Array(markerText.utf8)
            all["README.md"] = all["README.md"] ?? Array(readme.utf8)
            var folders: Set<String> = []
            for path in all.keys.sorted() {
                let url = staging.appendingPathComponent(path)
                let folder = url.deletingLastPathComponent().path
                if !folders.contains(folder) {
                    try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                    folders.insert(folder)
                }
                guard manager.createFile(atPath: url.path, contents: Data(all[path]!)) else {
                    throw fail("cannot write \(path) in \(staging.path)")
                }
            }
        } catch let error as OutputError {
            try? manager.removeItem(at: staging)
            throw error
        } catch {
            try? manager.removeItem(at: staging)
            throw fail("cannot write the new site: \(error.localizedDescription); the old one is untouched")
        }
        do {
            if exists { try manager.moveItem(at: target, to: previous) }
        } catch {
            try? manager.removeItem(at: staging)
            throw fail("cannot move the old site aside: \(error.localizedDescription); it is untouched")
        }
        do {
            try manager.moveItem(at: staging, to: target)
        } catch {
            if exists { try? manager.moveItem(at: previous, to: target) }
            try? manager.removeItem(at: staging)
            throw fail("cannot put the new site in place: \(error.localizedDescription); the old one is kept")
        }
        try? manager.removeItem(at: previous)
    }

    /// Whether `target` exists; throws when it must not be replaced.
    static func checkReplaceable(_ target: URL) throws(OutputError) -> Bool {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: target.path, isDirectory: &isFolder) else { return false }
        guard isFolder.boolValue else {
            throw OutputError(path: target.path, message: "the output is a file, not a folder; choose another --output")
        }
        let entries = (try? manager.contentsOfDirectory(atPath: target.path)) ?? []
        if entries.isEmpty || entries.contains(marker) { return true }
        let readmeURL = target.appendingPathComponent("README.md")
        if entries == ["README.md"], manager.contents(atPath: readmeURL.path) == Data(readme.utf8) { return true }
        throw OutputError(
            path: target.path,
            message: "refusing to replace this folder: it is not empty and growth did not make it "
                + "(there is no \(marker) file in it); choose another --output or empty it first")
    }
}
