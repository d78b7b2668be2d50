import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A new site being written: each file goes straight into a staging folder
/// beside the target, unique to this build, as soon as a render worker has
/// it (plain open/write/close, several workers at once); `commit` then adds
/// the marker and the files a person added to the old site and swaps the
/// folder in whole, so a reader (or a failed build) never sees half a site.
/// Only a folder `growth` made is replaced. Call it while holding the
/// folder's `OutputLock`.
public final class OutputStaging: SiteSink, @unchecked Sendable {
    let given: URL
    let target: URL
    let folder: URL
    let exists: Bool
    private let lock = NSLock()
    private var folders: Set<String> = [""]
    private var written: Set<String> = []
    private var bytes = 0
    private var failure: OutputFolder.WriteError?
    /// The last build's files, when the build has a cache (`--cache`).
    public let cache: BuildCache?
    private var digests: [String: PageDigest] = [:]
    /// By page: the digest of its inputs, for the pages known by them (`PageInputs`).
    private var inputs: [String: PageDigest] = [:]
    /// What the build made, without the marker and a person's files: what the cache keeps.
    private var generated: Set<String> = []
    /// Files linked from the cache: the same files on disk as the cache's,
    /// with the `lstat` of each.
    private var kept: [String: stat] = [:]
    /// The old site as `commit` found it, when it goes to the cache as its
    /// spare: `pruneSpare` goes through it without walking it again.
    private var oldTree: OutputFolder.Tree?
    private var counts = Counts()
    /// Whether the staging folder is the cache's spare site (the one before
    /// the last), brought up to date rather than made anew.
    private var fromSpare = false
    private var expected = false
    /// Whether the old site went to the cache as its spare.
    private var retired = false
    /// The spare site's files this build may keep: each is kept only when
    /// it is the cache's own file for its path.
    private var spareFiles: Set<String> = []

    /// How the files of a build with a cache came to be.
    public struct Counts: Sendable, Equatable {
        /// Pages whose digest changed, or that the cache did not hold.
        public var rendered = 0
        /// Pages made from what they were made from last time: linked from the cache.
        public var reused = 0
        /// Files rendered or made again with the bytes the cache holds: linked, not written.
        public var unchanged = 0
        /// Of the reused pages, those known by their inputs alone: not even made.
        public var unmade = 0
    }

    /// Checks the target and makes the staging folder.
    ///
    /// - Parameter content: the content folder, which must not lie inside the output.
    /// - Parameter cache: the last build's files and digests, to reuse.
    public init(for given: URL, content: URL? = nil, cache: BuildCache? = nil) throws(Diagnostic) {
        self.given = given
        self.cache = cache
        target = given.standardizedFileURL.resolvingSymlinksInPath()
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        let fail = { (message: String) in OutputFailure.diagnostic(given.standardizedFileURL, message) }
        if let content {
            let path = content.standardizedFileURL.resolvingSymlinksInPath().path
            if path == target.path || path.hasPrefix(target.path + "/") {
                throw fail(
                    "the content folder \(content.path) is inside the output folder, which a build replaces whole: "
                        + "choose an --output outside the content; nothing was written")
            }
        }
        exists = try OutputFolder.checkReplaceable(target)
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw fail("cannot make the folder \(parent.path): \(OutputFolder.describe(error)); nothing was written")
        }
        OutputFolder.removeStale(name: name, in: parent)
        folder = parent.appendingPathComponent(".\(name).growth-new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        fromSpare = takeSpare()
        guard fromSpare || mkdir(folder.path, 0o755) == 0 else {
            let error = OutputFolder.WriteError(path: folder.lastPathComponent, code: errno)
            throw fail(error.message(needed: 0, at: parent.path))
        }
    }

    /// Moves the cache's spare site (a real folder, not a link) to the
    /// staging folder's place; false when there is none or it cannot come
    /// (on another file system it never can, and is removed).
    private func takeSpare() -> Bool {
        // A folder of someone's that `--cache` names is not a cache: nothing in it is touched.
        guard let cache, cache.isTagged else { return false }
        var info = stat()
        guard lstat(cache.spare, &info) == 0 else { return false }
        guard info.st_mode & S_IFMT == S_IFDIR, rename(cache.spare, folder.path) == 0 else {
            OutputFolder.removeTree(cache.spare)
            return false
        }
        guard lstat(folder.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            OutputFolder.removeTree(folder.path)
            return false
        }
        return true
    }

    /// Every path the build will put: of a spare site, only the folders
    /// above them and the regular files at them are kept (the files to be
    /// checked against the cache's as each is put); anything else in it,
    /// links and the files a person added included, is removed now.
    public func expect(_ paths: Set<String>) {
        guard fromSpare else { return }
        lock.withLock { expected = true }
        var needed: Set<Substring> = [""]
        for path in paths { OutputFolder.insertFolders(above: path, into: &needed) }
        var files: Set<String> = []
        var found: Set<String> = [""]
        OutputFolder.walk(folder.path) { path, full, kind in
            switch kind {
            case .folder where needed.contains(Substring(path)):
                found.insert(path)
                return true
            case .file where paths.contains(path): files.insert(path)
            case .folder: OutputFolder.removeTree(full)
            case .file, .link, .other: unlink(full)
            }
            return false
        }
        lock.withLock {
            folders = found
            spareFiles = files
        }
    }

    public var keepsDigests: Bool { cache != nil }

    public func put(_ path: String, _ content: [UInt8], digest: PageDigest, inputs: PageDigest?) {
        lock.withLock {
            digests[path] = digest
            self.inputs[path] = inputs
            counts.rendered += 1
        }
        put(path, content)
    }

    public func reuse(_ path: String, digest: PageDigest, inputs: PageDigest?) -> Bool {
        guard let cache, cache.pages[path] == digest else { return false }
        return reuse(path, digest, inputs, unmade: false)
    }

    public func reuse(_ path: String, inputs: PageDigest) -> PageDigest? {
        guard let cache, cache.inputs[path] == inputs, let digest = cache.pages[path] else { return nil }
        return reuse(path, digest, inputs, unmade: true) ? digest : nil
    }

    /// The cache's bytes of `path` put again, made from `digest` and `inputs`.
    private func reuse(_ path: String, _ digest: PageDigest, _ inputs: PageDigest?, unmade: Bool) -> Bool {
        guard let held = cache?.held(path), place(path, held) else { return false }
        lock.withLock {
            written.insert(path)
            kept[path] = held
            digests[path] = digest
            self.inputs[path] = inputs
            counts.reused += 1
            if unmade { counts.unmade += 1 }
        }
        return true
    }

    /// The cache's file `held` at `path` in the new site: already there
    /// when the spare site's file is that very file, else linked.
    private func place(_ path: String, _ held: stat) -> Bool {
        let full = folder.path + "/" + path
        let spare = lock.withLock { spareFiles.remove(path) } != nil
        if spare, Self.isFile(full, held) { return true }
        guard let cache, (try? makeFolders(of: path)) != nil else { return false }
        if spare { unlink(full) }
        return link(cache.stored(path), full) == 0
    }

    /// How the files came to be, for a build with a cache.
    public var cacheCounts: Counts { lock.withLock { counts } }

    /// Writes one file of the new site; the first failure is kept for
    /// `commit`. With a cache that holds the same bytes, links them instead.
    public func put(_ path: String, _ content: [UInt8]) {
        do throws(OutputFolder.WriteError) {
            if let held = cache?.held(path, content), place(path, held) {
                lock.withLock {
                    counts.unchanged += 1
                    kept[path] = held
                }
            } else {
                try makeFolders(of: path)
                let full = folder.path + "/" + path
                // Never write through a link into the cache, or into the spare site's old file.
                if cache != nil { unlink(full) }
                try OutputFolder.writeFile(content, to: full, named: path)
            }
            lock.withLock {
                written.insert(path)
                bytes += content.count
            }
        } catch {
            lock.withLock {
                if failure == nil { failure = error }
                bytes += content.count
            }
        }
    }

    /// The folders above `path`, each made once. `mkdir` is among a build's
    /// slowest system calls: the workers make their folders side by side,
    /// the lock held only to note which are made.
    private func makeFolders(of path: String) throws(OutputFolder.WriteError) {
        guard path.contains("/") else { return }
        try OutputFolder.makeParents(
            of: path, in: folder.path, isMade: { prefix in lock.withLock { folders.contains(prefix) } },
            madeNow: { prefix in lock.withLock { _ = folders.insert(prefix) } })
    }

    /// The marker (listing what growth wrote, so the next build knows what a
    /// person added), the person's files from the old site, then the swap.
    /// Returns the paths of the person's files. On any failure the staging
    /// folder is removed and the old site is untouched.
    ///
    /// - Parameters:
    ///   - sync: flush the new site to disk before the swap (one `syncfs`),
    ///     and the swap itself after it, so a power cut leaves the old site or
    ///     the whole new one.
    ///   - beforeSwap: called when the new site is complete, just before it
    ///     is swapped in (the fault-injection tests stop a build there).
    @discardableResult
    public func commit(sync: Bool = false, beforeSwap: () -> Void = {}) throws(Diagnostic) -> [String] {
        let fail = { (message: String) in OutputFailure.diagnostic(self.given.standardizedFileURL, message) }
        let (generated, size, failed) = lock.withLock { (written, bytes, failure) }
        lock.withLock { self.generated = generated }
        if let failed {
            abandon()
            throw fail(failed.message(needed: size, at: folder.deletingLastPathComponent().path))
        }
        // A spare site's files and folders this build did not put, when it
        // was not told the paths before; else those it could not make.
        if fromSpare, !lock.withLock({ expected }) { expect(generated) }
        for path in lock.withLock({ spareFiles.subtracting(generated) }) {
            unlink(folder.path + "/" + path)
        }
        // Walked once: for a person's files now, and to prune it as the spare after the swap.
        let tree = exists && cache?.isTagged == true ? OutputFolder.Tree(walking: target.path) : nil
        lock.withLock { oldTree = tree }
        let foreign = exists ? OutputFolder.foreignFiles(in: target, keeping: generated, tree: tree) : []
        put(
            OutputFolder.marker,
            Array((OutputFolder.markerText + generated.sorted().joined(separator: "\n") + "\n").utf8))
        for path in foreign { keep(path, from: target.path) }
        if let failed = lock.withLock({ failure }) {
            abandon()
            throw fail(failed.message(needed: lock.withLock { bytes }, at: folder.deletingLastPathComponent().path))
        }
        if sync, !OutputFolder.flush(folder.path) {
            let cause = OutputFailure.cause(errno)
            abandon()
            throw fail("cannot flush the new site to disk: \(cause); the old site is untouched")
        }
        beforeSwap()
        let old = try OutputFolder.swap(folder, into: target, exists: exists, keepingOld: cache != nil, fail: fail)
        if let old { retire(old) }
        if sync { _ = OutputFolder.flush(target.deletingLastPathComponent().path) }
        return foreign
    }

    /// A person's file of the old site put again: a link as the same link,
    /// a file with its bytes (read without blocking: one that has become a
    /// named pipe since is left out).
    private func keep(_ path: String, from old: String) {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink(old + "/" + path, &buffer, buffer.count - 1)
        guard length >= 0 else {
            if let bytes = ContentReader.readFile(old + "/" + path) { put(path, bytes) }
            return
        }
        let destination = String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        do throws(OutputFolder.WriteError) {
            try makeFolders(of: path)
            let full = folder.path + "/" + path
            unlink(full)
            guard symlink(destination, full) == 0 else { throw OutputFolder.WriteError(path: path, code: errno) }
        } catch {
            lock.withLock { if failure == nil { failure = error } }
        }
    }

    /// The old site, once replaced: with a cache, kept as its spare site
    /// for the next build to bring up to date (renaming it is all it costs
    /// now, and the next build neither makes its 2,000 folders nor links
    /// its files); else, or when it cannot be kept, removed.
    private func retire(_ old: String) {
        guard let cache, cache.isTagged, rename(old, cache.spare) == 0 else {
            OutputFolder.removeTree(old)
            return
        }
        lock.withLock { retired = true }
    }

    /// Leaves in the spare site only the files that are the new site's very
    /// files: what a page said before it changed, a page of a student since
    /// removed, a person's file, anything else is removed, so the cache
    /// holds nothing the site does not. It goes by the walk of the old site
    /// before the swap (a file put into it in between is removed by the next
    /// build, which takes only the paths it expects from the spare, and
    /// each file only when it is the cache's own), and removes only the
    /// folders left empty.
    private func pruneSpare() {
        guard let cache, lock.withLock({ retired }) else { return }
        let (kept, tree) = lock.withLock { (self.kept, self.oldTree) }
        let items = (tree ?? OutputFolder.Tree(walking: cache.spare)).items
        var holding: Set<Substring> = []
        for item in items where item.kind != .folder {
            let full = cache.spare + "/" + item.path
            if item.kind == .file, let held = kept[item.path],
                UInt64(held.st_ino) == item.inode || Self.isFile(full, held)
            {
                OutputFolder.insertFolders(above: item.path, into: &holding)
                continue
            }
            unlink(full)
        }
        // Deepest first.
        for item in items.reversed() where item.kind == .folder && !holding.contains(Substring(item.path)) {
            rmdir(cache.spare + "/" + item.path)
        }
    }

    /// Whether `path` itself (not what a link there names) is the file `held`.
    private static func isFile(_ path: String, _ held: stat) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_ino == held.st_ino && info.st_dev == held.st_dev
    }

    /// Keeps the site just committed in the cache for the next build; nil,
    /// or what could not be kept (the site is in place either way).
    public func saveCache() -> Diagnostic? {
        guard let cache else { return nil }
        let (generated, kept, digests, inputs) = lock.withLock {
            (self.generated, self.kept, self.digests, self.inputs)
        }
        // After the save, which may make the cache anew and carry the spare into it.
        defer { pruneSpare() }
        do throws(Diagnostic) {
            try cache.save(
                site: target, generated: generated, kept: Set(kept.keys), digests: digests, inputs: inputs)
            return nil
        } catch {
            return error
        }
    }

    /// Removes the staging folder: the build stops, the old site stays.
    public func abandon() {
        try? FileManager.default.removeItem(at: folder)
    }
}
