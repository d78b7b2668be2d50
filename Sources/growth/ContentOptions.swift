import ArgumentParser
import Foundation
import GrowthKit

/// The options `check` and `build` share: where the content is, the as-of
/// date, and how to print problems.
struct ContentOptions: ParsableArguments {
    @Option(help: "The content folder.")
    var content: String = "content"

    @Option(name: .customLong("as-of"), help: "The as-of date (YYYY-MM-DD); default: SOURCE_DATE_EPOCH, else today.")
    var asOf: Day?

    @Option(
        help:
            "How to print problems: text, github (GitHub Actions annotations) or gitlab (a Code Quality report, JSON).")
    var format: DiagnosticFormat = .text

    @Flag(help: "List every warning; without it, warnings of one rule past the first few are summed up.")
    var verbose = false

    func validate() throws {
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], AsOfDate.seconds(epoch) == nil {
            throw ValidationError("SOURCE_DATE_EPOCH must be a whole number of seconds since 1970, not `\(epoch)`")
        }
    }

    /// Checks the content and prints every problem and the summary; with
    /// `only`, just the problems of those files (paths in the content folder).
    /// With a `cache` folder, the files parsed by the last run with it and
    /// unchanged since are taken from it, and it is brought up to date;
    /// `parsed` then says how many were parsed.
    func check(only: Set<String>? = nil, history: Bool = false, cache: String? = nil) async -> (
        CheckedContent, asOf: Day?, parsed: String?
    ) {
        let store = cache.map { CacheFolder.open($0, say: say) }
        let (checked, asOf) = await ContentCheck.run(
            content: URL(fileURLWithPath: content), asOf: asOf,
            sourceDateEpoch: ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], history: history,
            cache: store)
        let shown = only.map { files in checked.diagnostics.filter { files.contains($0.location.path) } }
        let report = DiagnosticReport(shown ?? checked.diagnostics, fileCount: checked.fileCount)
        for line in report.lines(in: format, folder: content, verbose: verbose) { print(line) }
        if let only {
            let n = only.count
            say("\(report.counts) in \(n) changed file\(n == 1 ? "" : "s") (\(checked.fileCount) checked)")
        } else {
            say(report.summary)
        }
        if let note = checked.historyNote { say("growth: warning: \(note)") }
        var parsed: String?
        if let store, let cache {
            parsed = CacheFolder.keep(store, in: cache, say: say)
            if verbose { say("growth: \(parsed!)") }
            // Freeing 57,000 parsed files takes a while: beside what comes
            // next, and not at all when the process ends first (a check).
            DispatchQueue.global().async { withExtendedLifetime(store) {} }
        }
        return (checked, asOf, parsed)
    }

    /// `cache`, unless it is inside a site growth built (a folder holding
    /// `.growth-site`): its parsed files hold the content whole, confidential
    /// records too, and must never be published with a site.
    func usable(cache: String?, command: String) -> String? {
        guard let cache, let refusal = CacheFolder.refusal(cache) else { return cache }
        say("growth \(command): \(refusal)")
        return nil
    }

    /// A line for the reader: on standard output, but on standard error when
    /// standard output is the GitLab report, so it stays one JSON document.
    func say(_ line: String) {
        if format == .gitlab {
            FileHandle.standardError.write(Data((line + "\n").utf8))
        } else {
            print(line)
        }
    }
}

/// The `--cache` folder of any command.
enum CacheFolder {
    /// Why `cache` must not be used: it is inside a site growth built (a
    /// folder holding `.growth-site` at or above it), where the parsed
    /// files, confidential records too, would be published. Nil when it may.
    static func refusal(_ cache: String) -> String? {
        var folder = URL(fileURLWithPath: cache).standardizedFileURL.resolvingSymlinksInPath()
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(OutputFolder.marker).path) {
                return
                    "the cache \(cache) is inside the site \(folder.path), where it would be published; the cache is not used"
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    /// The parsed files kept in `folder`, saying what of them cannot be used.
    static func open(_ folder: String, say: (String) -> Void) -> ParseCache {
        let (store, ignored) = ParseStore.load(from: URL(fileURLWithPath: folder))
        if let ignored { say("growth: the parsed files in \(folder) are not all used: \(ignored)") }
        return store
    }

    /// Keeps what changed in `cache` in `folder`, saying when it cannot;
    /// returns how many files the read since the last call parsed.
    static func keep(_ cache: ParseCache, in folder: String, say: (String) -> Void) -> String {
        let counts = cache.takeCounts()
        if let problem = ParseStore.save(cache, to: URL(fileURLWithPath: folder)) {
            say("growth: warning: \(problem)")
        }
        return "\(counts.parsed) of \(counts.parsed + counts.reused) files parsed, the others unchanged since the cache"
    }
}
