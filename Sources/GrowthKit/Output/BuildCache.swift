import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What the last build with `--cache <folder>` left for the next one, per
/// audience (`<folder>/leadership/`, `<folder>/staff/`): every file it wrote,
/// as a hard link to the site's file where the file system allows (a copy
/// elsewhere), and the digest each page was made from. A build with it
/// renders only the pages whose digest changed and writes only the files
/// whose bytes changed; the others are linked from the cache.
///
/// A cache made by another version of growth or with other templates is
/// ignored, never trusted; so is one that cannot be read. The as-of date is
/// not part of that key but of every page's digest, since every page shows
/// the day its figures are for: after a day passes, each page of the running
/// term is made again, while an ended term's pages, which show its last day,
/// are reused. A file the cache should hold and does not is rendered.
public final class BuildCache: Sendable {
    /// What a cache must match to be used.
    public struct Key: Codable, Equatable, Sendable {
        public var growth: String
        public var templates: String
        public var audience: String

        public init(templates: TemplateSet, audience: Audience) {
            growth = GrowthVersion.current
            self.templates = templates.digest
            self.audience = audience.rawValue
        }
    }

    /// `cache.json`.
    struct Stored: Codable {
        var key: Key
        /// Page path → the digest it was made from.
        var pages: [String: String]
        /// Every file the build wrote, pages too.
        var files: [String]
    }

    /// `<folder>/<audience>`.
    let folder: URL
    let key: Key
    /// The last build's pages and the digests they were made from; empty when ignored.
    let pages: [String: PageDigest]
    /// The files the cache holds; empty when ignored.
    let files: Set<String>
    /// Why the cache is not used: nil when it is, or when there is none yet.
    public let ignored: String?

    public init(folder root: URL, key: Key) {
        folder = root.appendingPathComponent(key.audience)
        self.key = key
        let manifest = folder.appendingPathComponent("cache.json")
        guard let data = FileManager.default.contents(atPath: manifest.path) else {
            (pages, files, ignored) = ([:], [], nil)
            return
        }
        guard let stored = try? JSONDecoder().decode(Stored.self, from: data) else {
            (pages, files, ignored) = ([:], [], "\(manifest.path) cannot be read")
            return
        }
        if let reason = Self.mismatch(stored.key, key) {
            (pages, files, ignored) = ([:], [], reason)
            return
        }
        pages = stored.pages.compactMapValues(PageDigest.init)
        files = Set(stored.files)
        ignored = nil
    }

    /// Why a cache made for `old` cannot serve a build for `new`.
    static func mismatch(_ old: Key, _ new: Key) -> String? {
        if old.growth != new.growth { return "it was made by growth \(old.growth), this is \(new.growth)" }
        if old.templates != new.templates { return "it was made with other templates" }
        if old.audience != new.audience { return "it is for the \(old.audience) site" }
        return nil
    }

    /// Where the cache holds `path`'s bytes.
    func stored(_ path: String) -> String { folder.path + "/files/" + path }

    /// The cache's bytes of `path`, when it holds them.
    func bytes(of path: String) -> [UInt8]? {
        guard files.contains(path), let data = FileManager.default.contents(atPath: stored(path)) else { return nil }
        return [UInt8](data)
    }

    /// Replaces the cache with the build just put in place at `site`: a link
    /// (or a copy) of each of `generated`, and the pages' digests. `kept`
    /// are the files linked from this cache, already the same on disk. The
    /// site is complete whatever happens here; a cache that cannot be made
    /// is left out, and the next build renders every page.
    func save(site: URL, generated: Set<String>, kept: Set<String>, digests: [String: PageDigest]) throws(Diagnostic) {
        let stored = Stored(key: key, pages: digests.mapValues(\.description), files: generated.sorted())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let manifest = try? encoder.encode(stored) else {
            throw Diagnostic.warning(
                .output, at: SourceLocation(path: folder.path),
                "cannot write the cache; the next build renders every page")
        }
        if ignored == nil, !files.isEmpty, update(site: site, generated: generated, kept: kept, manifest: manifest) {
            return
        }
        try replace(site: site, generated: generated, manifest: manifest)
    }

    /// The cache brought up to date where it is: only the files that changed
    /// are linked again. Its manifest goes first and comes back last, so a
    /// build killed meanwhile leaves no cache rather than a wrong one. False
    /// when it could not be done (the caller then makes the cache anew).
    private func update(site: URL, generated: Set<String>, kept: Set<String>, manifest: Data) -> Bool {
        let json = folder.path + "/cache.json"
        guard unlink(json) == 0 else { return false }
        for path in files.subtracting(generated) { unlink(stored(path)) }
        var made: Set<String> = []
        for path in generated.subtracting(kept) {
            unlink(stored(path))
            guard place(site.path + "/" + path, at: folder.path + "/files", path, made: &made) else { return false }
        }
        let temporary = json + ".new-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: manifest), rename(temporary, json) == 0
        else { return false }
        return true
    }

    /// `from` linked (or copied) to `path` under `root`, with its folders.
    private func place(_ from: String, at root: String, _ path: String, made: inout Set<String>) -> Bool {
        var prefix = ""
        for part in path.split(separator: "/").dropLast() {
            prefix += (prefix.isEmpty ? "" : "/") + part
            if made.insert(prefix).inserted { mkdir(root + "/" + prefix, 0o755) }
        }
        let to = root + "/" + path
        if link(from, to) == 0 { return true }
        guard let data = FileManager.default.contents(atPath: from) else { return false }
        return FileManager.default.createFile(atPath: to, contents: data)
    }

    /// A new cache made beside the old one and swapped in for it.
    private func replace(site: URL, generated: Set<String>, manifest: Data) throws(Diagnostic) {
        let parent = folder.deletingLastPathComponent()
        // A warning: the build itself is done.
        let fail = { (message: String) in
            Diagnostic.warning(.output, at: SourceLocation(path: parent.standardizedFileURL.path), message)
        }
        OutputFolder.removeStale(name: key.audience, in: parent)
        let staging = parent.appendingPathComponent(
            ".\(key.audience).growth-new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try FileManager.default.createDirectory(
                at: staging.appendingPathComponent("files"), withIntermediateDirectories: true)
        } catch {
            throw fail("cannot make the cache: \(OutputFolder.describe(error)); the next build renders every page")
        }
        var made: Set<String> = []
        for path in generated.sorted()
        where !place(site.path + "/" + path, at: staging.path + "/files", path, made: &made) {
            try? FileManager.default.removeItem(at: staging)
            throw fail("cannot keep \(path) in the cache; the next build renders every page")
        }
        guard FileManager.default.createFile(atPath: staging.path + "/cache.json", contents: manifest) else {
            try? FileManager.default.removeItem(at: staging)
            throw fail("cannot write the cache's cache.json; the next build renders every page")
        }
        let exists = FileManager.default.fileExists(atPath: folder.path)
        try OutputFolder.swap(staging, into: folder, exists: exists, fail: fail)
    }
}
