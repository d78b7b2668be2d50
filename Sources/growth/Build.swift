import ArgumentParser
import Foundation
import GrowthKit

/// `growth build`: checks the content, computes everything and writes the output folder.
struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site from the content.",
        discussion: """
            Stops with the old output untouched when the content has errors, unless \
            --allow-errors is given: then what could not be read is left out and listed.
            """)

    @OptionGroup var options: ContentOptions

    @Option(help: "The output folder; replaced whole, and only if growth made it.")
    var output: String = "site"

    @Flag(help: "Build even when the content has errors, leaving out what they affect; problems/ lists them.")
    var allowErrors = false

    @Option(help: "Who the site is for: leadership (everything) or staff (no confidential content).")
    var audience: Audience = .leadership

    @Option(help: "A folder of templates and assets replacing the defaults of the same name.")
    var templates: String?

    @Option(help: "Seconds to wait while another build writes the same output folder; 0 refuses at once.")
    var lockTimeout: Double = 300

    @Flag(help: "Do not read the git history: no record is judged late.")
    var noHistory = false

    @Flag(help: "Flush the new site to disk before it replaces the old one (slower; for a server that may lose power).")
    var sync = false

    @Option(
        help: ArgumentHelp(
            "A folder where the build keeps what it made, so the next build parses only the files and renders only the pages that changed.",
            discussion:
                "Keep it between builds (.growth-cache, say); a cache made by another build of growth or with other templates is ignored.",
            valueName: "folder"))
    var cache: String?

    @Flag(help: "Print how long each stage took, on standard error.")
    var timings = false

    func run() async throws {
        // One build per output folder: held until this process ends.
        let target = URL(fileURLWithPath: output)
        let lock: OutputLock
        do {
            lock = try OutputLock.acquire(for: target, timeout: lockTimeout) { holder in
                options.say("growth build: waiting for another build of \(output) to finish (\(holder))")
            }
        } catch {
            report(error)
            throw ExitCode(1)
        }
        defer { withExtendedLifetime(lock) {} }
        var clock = StageClock(enabled: timings)
        let cache = usableCache()
        // The cache's lock is taken first, as the output's: a build that
        // waits for another says so before it reads anything.
        let cacheLock = lockCache(cache)
        defer { withExtendedLifetime(cacheLock) {} }
        // The templates are compiled, and the cache's record of the last
        // build read, beside the reading of the content (a broken template
        // is still reported after the content's problems).
        let preparing = Task.detached { [templates, audience, locked = cacheLock != nil] in
            Result { () throws(Diagnostic) -> (TemplateSet, BuildCache?) in
                let set = try Self.loadTemplates(templates)
                let opened = locked ? cache.map { Self.openCache($0, set, audience) } : nil
                return (set, opened)
            }
        }
        let (checked, asOf, parsed) = await options.check(history: !noHistory, cache: cache)
        UntilExit.keep(checked)
        clock.lap("read and check")
        guard let school = checked.school, let asOf else {
            options.say("growth build: stopped, school.yml could not be read; \(output) is untouched")
            throw ExitCode(1)
        }
        if checked.hasErrors, !allowErrors {
            options.say(
                "growth build: stopped because of the errors above; \(output) is untouched (--allow-errors builds anyway)"
            )
            throw ExitCode(1)
        }
        let templateSet: TemplateSet
        let buildCache: BuildCache?
        switch await preparing.value {
        case .success(let (loaded, opened)): (templateSet, buildCache) = (loaded, opened)
        case .failure(let error):
            report(error, folder: templates)
            options.say("growth build: stopped; \(output) is untouched")
            throw ExitCode(1)
        }
        if let cache, let reason = buildCache?.ignored {
            options.say("growth build: the cache in \(cache) is ignored: \(reason); every page is rendered")
        }
        // With --allow-errors the site lists every problem, warnings too: each says what it left out.
        let problems = allowErrors ? checked.diagnostics : []
        var count = 0
        var cacheNote = ""
        do {
            // Each page goes into the staging folder as soon as it is rendered.
            let staging = try OutputStaging(
                for: target, content: URL(fileURLWithPath: options.content), cache: buildCache)
            count = SiteBuilder.build(
                school: school, asOf: asOf, audience: audience, templates: templateSet, problems: problems,
                sources: checked.sources, into: staging)
            clock.lap("aggregate, render and write")
            let kept = try staging.commit(sync: sync, beforeSwap: Self.faultPause)
            clock.lap("swap")
            if let unkept = staging.saveCache() { report(unkept) }
            clock.lap("cache")
            if staging.cache != nil {
                let counts = staging.cacheCounts
                if options.verbose {
                    options.say(
                        "growth build: \(counts.unmade) growth files were known unchanged by their files alone, and not made"
                    )
                }
                cacheNote =
                    " (\(counts.rendered) pages rendered, \(counts.reused) unchanged since the cached build; "
                    + "\(counts.reused + counts.unchanged) files kept as they were"
                    + (parsed.map { "; \($0))" } ?? ")")
            }
            // The committed site/README.md of a clone is kept without a word.
            let added = kept.filter { $0 != "README.md" }
            if !added.isEmpty {
                options.say(
                    "growth build: kept \(added.count) file\(added.count == 1 ? "" : "s") a person added to \(output): "
                        + added.prefix(5).joined(separator: ", ") + (added.count > 5 ? ", …" : ""))
            }
        } catch {
            report(error)
            throw ExitCode(1)
        }
        options.say(
            "growth build: wrote \(count) files to \(output) as of \(asOf) for \(audience.rawValue)\(cacheNote)")
    }

    /// The `--cache` folder, unless it and the output overlap (through
    /// symlinks, and both ways): a build replaces its output whole, and the
    /// cache its own folder; and what the cache holds must never be published.
    func usableCache() -> String? {
        guard let cache = options.usable(cache: cache, command: "build") else { return nil }
        let folder = URL(fileURLWithPath: cache).standardizedFileURL.resolvingSymlinksInPath().path
        let site = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath().path
        if folder == site || folder.hasPrefix(site + "/") || site.hasPrefix(folder + "/") {
            options.say(
                "growth build: the cache \(cache) and the output \(output) overlap, and a build replaces its output whole; the cache is not used"
            )
            return nil
        }
        return cache
    }

    /// The lock on the `--cache` of the last build, for this one: one build
    /// at a time uses a cache, whose files are linked into its site. Nil,
    /// with a word, when it cannot be had: the build goes on without it.
    func lockCache(_ cache: String?) -> OutputLock? {
        guard let cache else { return nil }
        do {
            return try OutputLock.acquire(
                for: URL(fileURLWithPath: cache).appendingPathComponent(audience.rawValue), timeout: lockTimeout
            ) { holder in
                options.say("growth build: waiting for another build using the cache \(cache) (\(holder))")
            }
        } catch {
            options.say("growth build: building without the cache: \(error.message)")
            return nil
        }
    }

    /// What the cache in `folder` knows of the last build, for these templates.
    static func openCache(_ folder: String, _ templates: TemplateSet, _ audience: Audience) -> BuildCache {
        BuildCache(folder: URL(fileURLWithPath: folder), key: BuildCache.Key(templates: templates, audience: audience))
    }

    /// The defaults, or a school's `templates` folder over them; a broken one stops the build.
    static func loadTemplates(_ templates: String?) throws(Diagnostic) -> TemplateSet {
        guard let templates else { return .defaults() }
        return try TemplateSet.overriding(with: URL(fileURLWithPath: templates))
    }

    /// A problem of the build itself, after the content's own: in the chosen
    /// format, but as text beside a GitLab report, which stays one document.
    func report(_ diagnostic: Diagnostic, folder: String? = nil) {
        let format: DiagnosticFormat = options.format == .gitlab ? .text : options.format
        options.say(
            DiagnosticReport([diagnostic], fileCount: 0).lines(in: format, folder: folder).joined(separator: "\n"))
    }

    /// Fault injection for the tests: `GROWTH_TEST_PAUSE_BEFORE_SWAP=<seconds>`
    /// stops a build with the new site complete and the old still in place,
    /// where a test kills it.
    static func faultPause() {
        guard let text = ProcessInfo.processInfo.environment["GROWTH_TEST_PAUSE_BEFORE_SWAP"],
            let seconds = Double(text)
        else { return }
        // Unbuffered, so a test reading the pipe sees it at once.
        FileHandle.standardError.write(
            Data("growth build: paused before the swap (GROWTH_TEST_PAUSE_BEFORE_SWAP)\n".utf8))
        Thread.sleep(forTimeInterval: seconds)
    }
}

/// `--timings`: the wall time of each stage of a build, on standard error.
struct StageClock {
    let enabled: Bool
    private var last = Date()

    init(enabled: Bool) { self.enabled = enabled }

    mutating func lap(_ stage: String) {
        guard enabled else { return }
        let now = Date()
        FileHandle.standardError.write(
            Data("growth build: \(stage): \(String(format: "%.2f", now.timeIntervalSince(last))) s\n".utf8))
        last = now
    }
}
