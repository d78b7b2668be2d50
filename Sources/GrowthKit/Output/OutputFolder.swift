internal import CGrowthSystem
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a built site into its folder all at once: into a staging folder
/// beside the target, unique to this build, then swapped in whole, so a
/// reader (or a failed build) never sees half a site. Only a folder `growth`
/// made is replaced: the marker file says so. Call it while holding the
/// folder's `OutputLock`.
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

    /// Replaces `target` with `files` (relative path → bytes): the files
    /// staged, then committed (see `OutputStaging`). Returns the paths of the
    /// files a person added to the old site, which the new one keeps.
    @discardableResult
    public static func write(
        _ files: [String: [UInt8]], to given: URL, content: URL? = nil, beforeSwap: () -> Void = {}
    ) throws(Diagnostic) -> [String] {
        let staging = try OutputStaging(for: given, content: content)
        for (path, bytes) in files { staging.put(path, bytes) }
        return try staging.commit(beforeSwap: beforeSwap)
    }

    /// Files of the old site its marker does not list: added by a person.
    /// An old marker without a list (sites built before it) keeps nothing.
    /// `tree` is the old site as a walk already found it (the spare site's
    /// pruning needs one too); without it, it is walked here when needed.
    static func foreignFiles(in target: URL, keeping generated: Set<String>, tree: Tree? = nil) -> [String] {
        // A fresh clone's site/ holds only the committed README: it stays, so
        // the build leaves the repository clean; a school's site gets none.
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: target.path)) ?? []
        if entries == ["README.md"] { return generated.contains("README.md") ? [] : ["README.md"] }
        guard let data = FileManager.default.contents(atPath: target.path + "/" + marker) else { return [] }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
        guard lines.count > 1 else {
            // A site from before the marker listed files: only the committed README is known to stay.
            let readmeText = FileManager.default.contents(atPath: target.path + "/README.md")
            return readmeText == Data(readme.utf8) && !generated.contains("README.md") ? ["README.md"] : []
        }
        let ours = Set(lines.dropFirst()).union([marker])
        // Links are kept as links, never followed: one to a folder outside
        // would carry what it names into the site, one to `.` would never end.
        // A named pipe, a socket or a device is not a file to keep. A cache
        // someone pointed inside the site holds the parsed content,
        // confidential files too: nothing in it is carried into the next.
        return (tree ?? Tree(walking: target.path)).items.filter { item in
            (item.kind == .file || item.kind == .link) && !item.inCache && !ours.contains(item.path)
                && !generated.contains(item.path)
        }.map(\.path).sorted()
    }

    /// Everything under a folder, as one walk found it, parents before
    /// their children: what a build needs to know of the old site twice,
    /// for the files a person added and for pruning it as the cache's spare.
    struct Tree {
        struct Item {
            var path: String
            var kind: Entry.Kind
            /// Which file it is, as the folder tells it (`d_ino`).
            var inode: UInt64
            /// Whether it lies in a folder tagged as a cache (`CACHEDIR.TAG`).
            var inCache: Bool
        }

        var items: [Item] = []

        init(walking root: String) {
            var pending: [(path: String, inCache: Bool)] = [("", false)]
            while let (relative, inCache) = pending.popLast() {
                let found = entries(of: relative.isEmpty ? root : root + "/" + relative)
                // The folder itself, not the site: a tag in the site's own folder is no cache in it.
                let tagged = inCache || !relative.isEmpty && found.contains { $0.name == "CACHEDIR.TAG" }
                for entry in found {
                    let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
                    items.append(Item(path: path, kind: entry.kind, inode: entry.inode, inCache: tagged))
                    if entry.isFolder { pending.append((path, tagged)) }
                }
            }
        }
    }

    /// A file that could not be written, with the OS error's code.
    struct WriteError: Error {
        var path: String
        var code: Int32

        func message(needed: Int, at folder: String) -> String {
            var text = "cannot write \(path) of the new site: \(OutputFailure.cause(code))"
            if code == ENOSPC || code == EDQUOT {
                let free = OutputFailure.freeBytes(at: folder).map { ", \(OutputFailure.megabytes($0)) free" } ?? ""
                text += " (the site needs \(OutputFailure.megabytes(needed))\(free) in \(folder))"
            }
            return text + "; the old site is untouched"
        }
    }

    static func writeFile(_ bytes: [UInt8], to full: String, named path: String) throws(WriteError) {
        if let code = PlainFile.write(bytes, to: full) { throw WriteError(path: path, code: code) }
    }

    /// Puts `staging` where `target` is: one atomic exchange where Linux
    /// offers it (`renameat2` with `RENAME_EXCHANGE`), else the old folder
    /// moved aside and the new one moved in, rolled back if the second fails.
    /// The old folder is then removed, or with `keepingOld` left where it
    /// went, and its path returned.
    @discardableResult
    static func swap(
        _ staging: URL, into target: URL, exists: Bool, keepingOld: Bool = false, fail: (String) -> Diagnostic
    ) throws(Diagnostic) -> String? {
        let manager = FileManager.default
        if !exists {
            guard rename(staging.path, target.path) == 0 else {
                let cause = OutputFailure.cause(errno)
                try? manager.removeItem(at: staging)
                throw fail("cannot put the new site in place: \(cause); nothing was changed")
            }
            return nil
        }
        // Where the old site is once the new one is in place.
        var old = staging.path
        if !exchange(staging.path, target.path) {
            old = staging.path + "-old"
            guard rename(target.path, old) == 0 else {
                let cause = OutputFailure.cause(errno)
                try? manager.removeItem(at: staging)
                throw fail("cannot move the old site aside: \(cause); the old site is untouched")
            }
            guard rename(staging.path, target.path) == 0 else {
                let cause = OutputFailure.cause(errno)
                _ = rename(old, target.path)
                try? manager.removeItem(at: staging)
                throw fail("cannot put the new site in place: \(cause); the old site is kept")
            }
        }
        if keepingOld { return old }
        removeTree(old)
        return nil
    }

    /// Adds the folders above `path` (`a/b/c`: `a/b`, then `a`) to
    /// `folders`, up to the first one already there, whose own are too.
    static func insertFolders(above path: String, into folders: inout Set<Substring>) {
        var folder = Substring(path)
        while let slash = folder.lastIndex(of: "/") {
            folder = folder[..<slash]
            if !folders.insert(folder).inserted { break }
        }
    }

    /// The folders above `path` under `root`, each made once (`made` holds
    /// those made or found already): a staging folder and the build cache
    /// both fill a tree this way.
    static func makeParents(of path: String, in root: String, made: inout Set<String>) throws(WriteError) {
        try makeParents(of: path, in: root, isMade: { made.contains($0) }, madeNow: { made.insert($0) })
    }

    /// The same for several workers filling one tree at once, `isMade` and
    /// `madeNow` reading and writing what they share under a lock, and each
    /// `mkdir` outside it: two workers making one folder both go on (the
    /// second is told it exists), and none counts a folder made before its
    /// `mkdir` returned, so none writes into a folder still being made.
    static func makeParents(
        of path: String, in root: String, isMade: (String) -> Bool, madeNow: (String) -> Void
    ) throws(WriteError) {
        var prefix = ""
        for part in path.split(separator: "/").dropLast() {
            prefix += (prefix.isEmpty ? "" : "/") + part
            guard !isMade(prefix) else { continue }
            if mkdir(root + "/" + prefix, 0o755) != 0, errno != EEXIST {
                throw WriteError(path: prefix + "/", code: errno)
            }
            madeNow(prefix)
        }
    }

    /// Flushes the file system holding `folder` to disk (`syncfs`): every
    /// file written into it in one call. False with `errno` set on failure.
    static func flush(_ folder: String) -> Bool {
        growth_sync_folder(folder) == 0
    }

    /// `renameat2(RENAME_EXCHANGE)`: false where the kernel or the file
    /// system does not offer it.
    static func exchange(_ a: String, _ b: String) -> Bool {
        growth_rename_exchange(a, b) == 0
    }

    /// Removes the folder at `path` and everything in it, two workers at
    /// once: unlinking a site's 2,300 files is the kernel's work, and on this
    /// project's 2-core machine two unlink beside each other in 60% of the
    /// time one takes. What cannot be removed is left; nothing outside the
    /// folder is touched (a link inside is removed, not followed).
    static func removeTree(_ path: String) {
        // A link in the folder's place is removed itself, never what it names.
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            unlink(path)
            return
        }
        // The entries two levels down (students/<id>), each a job.
        var jobs: [String] = []
        var folders: [String] = []
        for entry in entries(of: path) {
            let child = path + "/" + entry.name
            guard entry.isFolder else {
                jobs.append(child)
                continue
            }
            folders.append(child)
            jobs += entries(of: child).map { child + "/" + $0.name }
        }
        let workers = max(1, min(2, ProcessInfo.processInfo.activeProcessorCount))
        let work = jobs
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in stride(from: worker, to: work.count, by: workers) { removeEntry(work[index]) }
        }
        for folder in folders { rmdir(folder) }
        rmdir(path)
    }

    /// A file, a link or a folder with all it holds, one worker's share.
    private static func removeEntry(_ path: String) {
        if unlink(path) == 0 || errno != EISDIR && errno != EPERM { return }
        for entry in entries(of: path) { removeEntry(path + "/" + entry.name) }
        rmdir(path)
    }

    /// An entry of a folder, as `readdir` tells it.
    struct Entry {
        enum Kind { case file, folder, link, other }
        var name: String
        var kind: Kind
        var inode: UInt64
        var isFolder: Bool { kind == .folder }
    }

    /// The entries of a folder (not `.` and `..`): what each is, never
    /// following a link. `other` is a named pipe, a socket or a device.
    static func entries(of path: String) -> [Entry] {
        guard let folder = opendir(path) else { return [] }
        defer { closedir(folder) }
        var found: [Entry] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let kind: Entry.Kind
            var inode = UInt64(entry.pointee.d_ino)
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): kind = .folder
            case Int32(DT_REG): kind = .file
            case Int32(DT_LNK): kind = .link
            case Int32(DT_UNKNOWN):
                // A file system that does not say: asked of the entry itself.
                var info = stat()
                let format = lstat(path + "/" + name, &info) == 0 ? info.st_mode & S_IFMT : 0
                inode = UInt64(info.st_ino)
                kind = format == S_IFDIR ? .folder : format == S_IFREG ? .file : format == S_IFLNK ? .link : .other
            default: kind = .other
            }
            found.append(Entry(name: name, kind: kind, inode: inode))
        }
        return found
    }

    /// Every entry under `root`, parents before their children: `visit` is
    /// told its path under `root`, its full path and what it is, and says
    /// whether to go into a folder. Links are never followed.
    static func walk(_ root: String, _ visit: (_ path: String, _ full: String, _ kind: Entry.Kind) -> Bool) {
        var pending = [""]
        while let relative = pending.popLast() {
            let absolute = relative.isEmpty ? root : root + "/" + relative
            for entry in entries(of: absolute) {
                let path = relative.isEmpty ? entry.name : relative + "/" + entry.name
                if visit(path, absolute + "/" + entry.name, entry.kind), entry.isFolder { pending.append(path) }
            }
        }
    }

    /// Staging and old folders left by builds that were killed: stale, since
    /// this build holds the folder's lock.
    static func removeStale(name: String, in parent: URL) {
        let manager = FileManager.default
        let entries = (try? manager.contentsOfDirectory(atPath: parent.path)) ?? []
        for entry in entries where entry.hasPrefix(".\(name).growth-new") || entry.hasPrefix(".\(name).growth-old") {
            removeTree(parent.appendingPathComponent(entry).path)
        }
    }

    /// Whether `target` exists; throws when it must not be replaced.
    static func checkReplaceable(_ target: URL) throws(Diagnostic) -> Bool {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: target.path, isDirectory: &isFolder) else { return false }
        guard isFolder.boolValue else {
            throw OutputFailure.diagnostic(target, "the output is a file, not a folder; choose another --output")
        }
        let entries = (try? manager.contentsOfDirectory(atPath: target.path)) ?? []
        if entries.isEmpty || entries.contains(marker) { return true }
        let readmeURL = target.appendingPathComponent("README.md")
        if entries == ["README.md"], manager.contents(atPath: readmeURL.path) == Data(readme.utf8) { return true }
        throw OutputFailure.diagnostic(
            target,
            "refusing to replace this folder: it is not empty and growth did not make it "
                + "(there is no \(marker) file in it); choose another --output or empty it first")
    }

    static func describe(_ error: any Error) -> String {
        if let posix = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain
        {
            return OutputFailure.cause(Int32(posix.code))
        }
        return error.localizedDescription
    }
}
