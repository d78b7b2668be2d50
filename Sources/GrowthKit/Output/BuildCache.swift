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
        /// The running binary's digest: a build of growth made from other
        /// code (a fix to escaping, another Mustache) renders other bytes
        /// for the same views, whatever its version says.
        public var binary: String
        /// The cmark the bodies are rendered with: a developer build links
        /// the system's library, which apt may upgrade under the same binary.
        public var cmark: String
        public var templates: String
        public var audience: String

        public init(templates: TemplateSet, audience: Audience) {
            growth = GrowthVersion.current
            binary = GrowthVersion.runningBinary
            cmark = CommonMark.version
            self.templates = templates.digest
            self.audience = audience.rawValue
        }
    }

    /// `cache.json`.
    struct Stored: Codable {
        var key: Key
        /// Page path → the digest it was made from.
        var pages: [String: String]
        /// Page path → the digest of its inputs, for the pages known by them (`PageInputs`).
        var inputs: [String: String]?
        /// Every file the build wrote, pages too, with the size and time of
        /// its copy in the cache: a copy changed since (edited in place
        /// through the site's link, or emptied by a power cut) is not used.
        var files: [String: String]
    }

    /// `<folder>/<audience>`.
    let folder: URL
    let key: Key
    /// The last build's pages and the digests they were made from; empty when ignored.
    let pages: [String: PageDigest]
    /// The last build's growth files and the digests of their inputs; empty when ignored.
    let inputs: [String: PageDigest]
    /// The files the cache holds, with their stamps; empty when ignored.
    let files: [String: String]
    /// Why the cache is not used: nil when it is, or when there is none yet.
    public let ignored: String?

    public init(folder root: URL, key: Key) {
        folder = root.appendingPathComponent(key.audience)
        self.key = key
        let manifest = folder.appendingPathComponent("cache.json")
        guard let data = FileManager.default.contents(atPath: manifest.path) else {
            (pages, inputs, files, ignored) = ([:], [:], [:], nil)
            return
        }
        guard let stored = try? JSONDecoder().decode(Stored.self, from: data) else {
            (pages, inputs, files, ignored) = ([:], [:], [:], "\(manifest.path) cannot be read")
            return
        }
        if let reason = Self.mismatch(stored.key, key) {
            (pages, inputs, files, ignored) = ([:], [:], [:], reason)
            return
        }
        if let unsafe = stored.files.keys.first(where: { !Self.isInside($0) }) {
            (pages, inputs, files, ignored) = ([:], [:], [:], "it names a file outside the cache (\(unsafe))")
            return
        }
        pages = stored.pages.compactMapValues(PageDigest.init)
        inputs = (stored.inputs ?? [:]).compactMapValues(PageDigest.init)
        files = stored.files
        ignored = nil
    }

    /// Why a cache made for `old` cannot serve a build for `new`.
    static func mismatch(_ old: Key, _ new: Key) -> String? {
        // Then any build of this version would take another's pages for its own.
        if new.binary == GrowthVersion.unknownBinary { return "the running build of growth cannot be told apart" }
        if old.growth != new.growth { return "it was made by growth \(old.growth), this is \(new.growth)" }
        if old.binary != new.binary { return "it was made by another build of growth \(new.growth)" }
        if old.cmark != new.cmark { return "it was made with cmark \(old.cmark), this build runs \(new.cmark)" }
        if old.templates != new.templates { return "it was made with other templates" }
        if old.audience != new.audience { return "it is for the \(old.audience) site" }
        return nil
    }

    /// A relative path with no `..`, `.` or empty part: one that stays in the cache.
    static func isInside(_ path: String) -> Bool {
        !path.hasPrefix("/")
            && !path.split(separator: "/", omittingEmptySubsequences: false).contains {
                $0.isEmpty || $0 == "." || $0 == ".."
            }
    }

    /// Where the cache holds `path`'s bytes.
    func stored(_ path: String) -> String { folder.path + "/files/" + path }

    /// Where the site before the last one is kept, its folders and files in
    /// place, for the next build to bring up to date rather than make anew
    /// (see `OutputStaging`). Its files are checked against the cache's
    /// before any is used.
    var spare: String { folder.path + "/spare" }

    /// Whether the folder is a growth cache (it has the tag), not someone's folder.
    var isTagged: Bool { FileManager.default.fileExists(atPath: folder.path + "/" + Self.tag) }

    /// The cache's copy of `path` (its `lstat`), when the cache holds it as
    /// it left it: a regular file of the size and time its manifest says.
    func held(_ path: String) -> stat? {
        guard let stamp = files[path] else { return nil }
        var info = stat()
        guard lstat(stored(path), &info) == 0, info.st_mode & S_IFMT == S_IFREG, Self.stamp(info) == stamp else {
            return nil
        }
        return info
    }

    /// `<size>:<seconds>.<nanoseconds>` of a regular file's last change; nil for anything else.
    static func stamp(_ path: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return stamp(info)
    }

    static func stamp(_ info: stat) -> String { "\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)" }

    /// The cache's copy of `path` when it holds `content` there, as it left
    /// it. The size in the manifest's stamp answers most files without
    /// reading them.
    func held(_ path: String, _ content: [UInt8]) -> stat? {
        guard let stamp = files[path], stamp.hasPrefix("\(content.count):"), let info = held(path),
            ContentReader.readFile(stored(path)) == content
        else { return nil }
        return info
    }

    /// The manifest of the files now in the cache at `root`. The files of
    /// `unchanged` are the cache's own, untouched (`held` found each with
    /// its stamp): their stamps are the ones it has.
    private func manifest(
        _ generated: Set<String>, at root: String, unchanged: Set<String> = [], digests: [String: PageDigest],
        inputs: [String: PageDigest]
    ) -> [UInt8]? {
        var stamps: [String: String] = [:]
        stamps.reserveCapacity(generated.count)
        for path in generated {
            if unchanged.contains(path), let stamp = files[path] {
                stamps[path] = stamp
                continue
            }
            guard let stamp = Self.stamp(root + "/" + path) else { return nil }
            stamps[path] = stamp
        }
        // Written by hand (`Stored`'s fields, read back by its `Decodable`):
        // Foundation's encoder took three times as long for thousands of pages.
        let key: [String: JSONValue] = [
            "growth": .string(key.growth), "binary": .string(key.binary), "cmark": .string(key.cmark),
            "templates": .string(key.templates), "audience": .string(key.audience),
        ]
        let stored: [String: JSONValue] = [
            "key": .object(key), "pages": .object(digests.mapValues { .string($0.description) }),
            "inputs": .object(inputs.mapValues { .string($0.description) }),
            "files": .object(stamps.mapValues(JSONValue.string)),
        ]
        return JSONValue.object(stored).bytes
    }

    /// Marks a cache folder (the Cache Directory Tagging Specification, which
    /// backup tools honour): only a folder with it, or an empty one, is replaced.
    static let tag = CacheDirectoryTag.name
    static let tagText = CacheDirectoryTag.text("growth build --cache: the last build's files")

    /// Replaces the cache with the build just put in place at `site`: a link
    /// (or a copy) of each of `generated`, and the pages' digests. `kept`
    /// are the files linked from this cache, already the same on disk. The
    /// site is complete whatever happens here; a cache that cannot be made
    /// is left out, and the next build renders every page.
    func save(
        site: URL, generated: Set<String>, kept: Set<String>, digests: [String: PageDigest],
        inputs: [String: PageDigest] = [:]
    ) throws(Diagnostic) {
        if ignored == nil, !files.isEmpty,
            update(site: site, generated: generated, kept: kept, digests: digests, inputs: inputs)
        {
            return
        }
        try replace(site: site, generated: generated, digests: digests, inputs: inputs)
    }

    /// The cache brought up to date where it is: only the files that changed
    /// are linked again. Its manifest goes first and comes back last, so a
    /// build killed meanwhile leaves no cache rather than a wrong one. False
    /// when it could not be done (the caller then makes the cache anew).
    private func update(
        site: URL, generated: Set<String>, kept: Set<String>, digests: [String: PageDigest],
        inputs: [String: PageDigest]
    ) -> Bool {
        let json = folder.path + "/cache.json"
        guard isTagged, unlink(json) == 0 else {
            return false
        }
        for path in Set(files.keys).subtracting(generated) { unlink(stored(path)) }
        var made: Set<String> = []
        for path in generated.subtracting(kept) {
            unlink(stored(path))
            guard place(site.path + "/" + path, at: folder.path + "/files", path, made: &made) else { return false }
        }
        let temporary = json + ".new-\(getpid())"
        guard
            let manifest = manifest(
                generated, at: folder.path + "/files", unchanged: kept, digests: digests, inputs: inputs),
            PlainFile.write(manifest, to: temporary) == nil, rename(temporary, json) == 0
        else { return false }
        return true
    }

    /// `from` linked (or copied) to `path` under `root`, with its folders.
    private func place(_ from: String, at root: String, _ path: String, made: inout Set<String>) -> Bool {
        guard (try? OutputFolder.makeParents(of: path, in: root, made: &made)) != nil else { return false }
        let to = root + "/" + path
        if link(from, to) == 0 { return true }
        guard let bytes = ContentReader.readFile(from) else { return false }
        return PlainFile.write(bytes, to: to) == nil
    }

    /// A new cache made beside the old one and swapped in for it.
    private func replace(
        site: URL, generated: Set<String>, digests: [String: PageDigest], inputs: [String: PageDigest]
    ) throws(Diagnostic) {
        let parent = folder.deletingLastPathComponent()
        // A warning: the build itself is done.
        let fail = { (message: String) in
            Diagnostic.warning(.output, at: SourceLocation(path: parent.standardizedFileURL.path), message)
        }
        let manager = FileManager.default
        let existing = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
        if !existing.isEmpty, !existing.contains(Self.tag) {
            throw fail(
                "\(folder.path) is not a growth cache (it has no \(Self.tag)); it is left as it is and no cache is kept"
            )
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
        guard let manifest = manifest(generated, at: staging.path + "/files", digests: digests, inputs: inputs),
            PlainFile.write(manifest, to: staging.path + "/cache.json") == nil,
            PlainFile.write(Array(Self.tagText.utf8), to: staging.path + "/" + Self.tag) == nil
        else {
            try? FileManager.default.removeItem(at: staging)
            throw fail("cannot write the cache's cache.json; the next build renders every page")
        }
        // The spare site goes along with the new cache rather than out with the old.
        _ = rename(spare, staging.path + "/spare")
        let exists = FileManager.default.fileExists(atPath: folder.path)
        try OutputFolder.swap(staging, into: folder, exists: exists, fail: fail)
    }
}
