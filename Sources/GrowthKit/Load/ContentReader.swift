import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a content folder from disk and parses every file, many at once.
///
/// This is the only place the core touches the file system for input.
enum ContentReader {
    /// Lists the files below `folder` of `rootPath` (relative paths, sorted),
    /// skipping hidden ones and reporting symbolic links that lead outside
    /// it. Folders `deferringFrom` levels down (2: `students/<id>`) are not
    /// listed but returned, sorted, for a worker to list. Uses `readdir`
    /// directly: Foundation's enumerator costs seconds on a large school.
    /// `unchecked` are the paths of links and of files the folder did not
    /// say are regular: a reader asks what each is before reading it.
    static func listFiles(in rootPath: String, from folder: String = "", deferringFrom depth: Int? = nil) -> (
        paths: [String], deferred: [String], diagnostics: [Diagnostic], unchecked: Set<String>
    ) {
        var paths: [String] = []
        var unchecked: Set<String> = []
        var deferred: [String] = []
        var diagnostics: [Diagnostic] = []
        var folders = [folder]
        while let folder = folders.popLast() {
            if let depth, !folder.isEmpty, folder.utf8.count(where: { $0 == UInt8(ascii: "/") }) + 1 >= depth {
                deferred.append(folder)
                continue
            }
            let absolute = folder.isEmpty ? rootPath : rootPath + "/" + folder
            guard let directory = opendir(absolute) else {
                diagnostics.append(
                    .error(.unreadableFile, at: SourceLocation(path: folder), "the folder cannot be read"))
                continue
            }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name.hasPrefix(".") { continue }
                let path = folder.isEmpty ? name : folder + "/" + name
                switch Int32(entry.pointee.d_type) {
                case Int32(DT_DIR): folders.append(path)
                case Int32(DT_REG): paths.append(path)
                default:
                    // A link, or a file system that does not give the type.
                    let full = rootPath + "/" + path
                    let target = URL(fileURLWithPath: full).resolvingSymlinksInPath().path
                    guard target == rootPath || target.hasPrefix(rootPath + "/") else {
                        diagnostics.append(
                            .error(
                                .unreadableFile, at: SourceLocation(path: path),
                                "a symbolic link to outside the content folder is not followed"))
                        continue
                    }
                    var isDirectory: ObjCBool = false
                    guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory) else {
                        diagnostics.append(
                            .error(
                                .unreadableFile, at: SourceLocation(path: path),
                                "a symbolic link that leads nowhere (its target is missing, or it points at itself); it is not read"
                            ))
                        continue
                    }
                    // A link to a folder is not followed: `dot -> .` would be read forever.
                    guard !isDirectory.boolValue else {
                        diagnostics.append(
                            .warning(
                                .unexpectedFile, at: SourceLocation(path: path),
                                "a symbolic link to a folder is not followed; the files in it are not read"))
                        continue
                    }
                    paths.append(path)
                    unchecked.insert(path)
                }
            }
        }
        return (paths.sorted(), deferred.sorted(), diagnostics, unchecked)
    }

    /// A file's bytes with open/read/close: no `Data` to copy them out of.
    /// Nil for anything but a regular file: a named pipe in the content
    /// would otherwise block the read until something wrote to it.
    static func readFile(_ path: String) -> [UInt8]? {
        let reader = FileReader(capacity: 0)
        // The bytes are the reader's until it goes: copied out while it is here.
        return withExtendedLifetime(reader) {
            reader.read(path, at: FileReader.Place(folder: AT_FDCWD).unchecked).map { Array($0) }
        }
    }

    /// One content file read and parsed, and kept in `cache` under its
    /// stamp (unless it changed just before `readStarted`) and digest; taken
    /// from the cache instead when it holds the same bytes under another
    /// stamp (a fresh clone, a file saved unchanged). `cached` says whether
    /// the cache holds it now.
    static func readAndParse(
        _ path: String, _ kind: ContentFileKind, at place: FileReader.Place, with reader: FileReader,
        cache: ParseCache?, stamp: ParseCache.Stamp?, readStarted: Int64
    ) -> (file: ParsedFile, cached: Bool) {
        guard let bytes = reader.read(path, at: place) else {
            // What the cache knew of it is not what the file is now: a build
            // must not take the file for unchanged (`PageInputs`).
            cache?.forget(path)
            let unreadable = ParsedFile(
                path: path, document: nil,
                diagnostics: [.error(.unreadableFile, at: SourceLocation(path: path), "the file cannot be read")])
            return (unreadable, false)
        }
        guard let cache else { return (DocumentParser.parse(path: path, kind: kind, bytes: bytes), false) }
        let digest = ContentDigest.of(UnsafeRawBufferPointer(bytes))
        let stamp = ParseCache.kept(stamp, readStarted: readStarted)
        if let known = cache.file(path, digest: digest, stamp: stamp) { return (known, true) }
        let parsed = DocumentParser.parse(path: path, kind: kind, bytes: bytes)
        cache.store(parsed, stamp: stamp, digest: digest)
        return (parsed, true)
    }

    /// Reads and parses every file of the content folder. With a `cache`
    /// (`growth serve` keeps one, `--cache` keeps one on disk), a file whose
    /// size, inode and times have not changed since the last read is not read
    /// or parsed again, and one whose bytes have not is not parsed again.
    static func read(_ root: URL, cache: ParseCache? = nil) async -> ContentFiles {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return ContentFiles(
                files: [],
                diagnostics: [
                    .error(.missingFile, at: SourceLocation(path: ""), "there is no content folder at \(root.path)")
                ])
        }
        let readStarted = ParseCache.now()
        // The content folder, open: each file is opened from it. One that
        // cannot be opened cannot be listed either, which the listing says.
        let folder = open(root.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        defer { if folder >= 0 { close(folder) } }
        let listRoot = root.standardizedFileURL.resolvingSymlinksInPath().path
        // The top two levels are listed here; each folder below them (a
        // student's) by the worker that reads its files, so listing 2,000
        // folders runs on every core beside the parsing.
        let (top, folders, listDiagnostics, topUnchecked) = listFiles(in: listRoot, deferringFrom: 2)
        var diagnostics = listDiagnostics
        if !top.contains("school.yml") {
            diagnostics.append(
                .error(
                    .missingFile, at: SourceLocation(path: "school.yml"),
                    "school.yml is missing: every content folder needs one"))
        }
        // All of a folder's paths start with `folder/` and sort together, just
        // where `folder/` sorts among the other paths: the files and folders
        // in that order, each folder's files sorted, are every path sorted.
        let units = (top.map { (key: $0, isFolder: false) } + folders.map { (key: $0 + "/", isFolder: true) })
            .sorted { $0.key < $1.key }
        // Small chunks: the last one read keeps one core busy while the
        // others are done (a sixteenth of the school was 0.1 s alone).
        let chunkSize = max(4, units.count / (ProcessInfo.processInfo.activeProcessorCount * 48) + 1)
        let chunks = stride(from: 0, to: units.count, by: chunkSize).map {
            Array(units[$0..<min($0 + chunkSize, units.count)])
        }
        // The surveys first: a school's survey is one long table, and
        // parsed last it would keep one core busy after the other is done.
        let isSurvey = { (chunk: [(key: String, isFolder: Bool)]) in chunk.contains { $0.key.hasPrefix("surveys/") } }
        let order = chunks.indices.filter { isSurvey(chunks[$0]) } + chunks.indices.filter { !isSurvey(chunks[$0]) }
        let (parsedFiles, unclassified, cached) = await withTaskGroup(of: (Int, [ParsedFile], [Diagnostic], Int).self) {
            group in
            for number in order {
                let chunk = chunks[number]
                group.addTask {
                    var parsed: [ParsedFile] = []
                    var problems: [Diagnostic] = []
                    // How many of the files the cache holds once read.
                    var cached = 0
                    let reader = FileReader()
                    // `paths` under `base`, each opened from it.
                    func read(_ paths: [String], at base: FileReader.Place, unchecked: Set<String>) {
                        for path in paths {
                            let place = unchecked.contains(path) ? base.unchecked : base
                            let stamp = cache.flatMap { _ in place.stamp(path) }
                            // Unchanged since the last read: classified and parsed then.
                            if let stamp, let known = cache?.file(path, stamp: stamp) {
                                parsed.append(known)
                                cached += 1
                                continue
                            }
                            switch ContentLayout.classify(path) {
                            case .success(let kind):
                                let read = readAndParse(
                                    path, kind, at: place, with: reader, cache: cache, stamp: stamp,
                                    readStarted: readStarted)
                                parsed.append(read.file)
                                if read.cached { cached += 1 }
                            case .failure(let diagnostic): problems.append(diagnostic)
                            case nil: break
                            }
                        }
                    }
                    for unit in chunk {
                        guard unit.isFolder else {
                            read([unit.key], at: FileReader.Place(folder: folder), unchecked: topUnchecked)
                            continue
                        }
                        let name = String(unit.key.dropLast())
                        let listed = listFiles(in: listRoot, from: name)
                        problems += listed.diagnostics
                        // Its files opened from the folder itself: one name to look up, not three.
                        let opened = openat(folder, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                        defer { if opened >= 0 { close(opened) } }
                        let base =
                            opened >= 0
                            ? FileReader.Place(folder: opened, skipping: unit.key.utf8.count)
                            : FileReader.Place(folder: folder)
                        read(listed.paths, at: base, unchecked: listed.unchecked)
                    }
                    return (number, parsed, problems, cached)
                }
            }
            var parts = [[ParsedFile]](repeating: [], count: chunks.count)
            var problems: [Diagnostic] = []
            var cached = 0
            for await (number, part, partProblems, partCached) in group {
                parts[number] = part
                problems += partProblems
                cached += partCached
            }
            // The paths are sorted and each chunk is a run of them: joined in
            // order, the files are in path order without sorting them.
            return (ParsedFile.joining(&parts), problems, cached)
        }
        // The folder's problems in path order, whichever worker found them.
        diagnostics += unclassified.sorted { $0.location.path < $1.location.path }
        cache?.keep(only: parsedFiles.map(\.path), holding: cached)
        return ContentFiles(files: parsedFiles, diagnostics: diagnostics)
    }
}

/// Every file of a content folder, parsed, and the problems of the folder itself.
struct ContentFiles: Sendable {
    var files: [ParsedFile]
    var diagnostics: [Diagnostic]

    init(files: [ParsedFile], diagnostics: [Diagnostic] = []) {
        self.files = files
        self.diagnostics = diagnostics
    }

    /// The settings of `school.yml`, when it could be read.
    var settings: SchoolSettings? {
        for file in files {
            if case .settings(let parsed) = file.document { return parsed.value }
        }
        return nil
    }
}
