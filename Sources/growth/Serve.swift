import ArgumentParser
import Foundation
import GrowthKit
import NIOCore
import NIOPosix

/// `growth serve`: builds the site in memory, serves it, rebuilds when a file
/// is saved, and the open page reloads itself. It never writes the site.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site: build it in memory, serve it on 127.0.0.1, rebuild and reload on save.",
        discussion: """
            Nothing is written to disk. While the content has errors every page shows them \
            with their file, line and column. Ctrl-C stops the server.
            """)

    @Option(help: "The content folder.")
    var content: String = "content"

    @Option(help: "The port; 0 picks a free one.")
    var port: Int = 8000

    @Option(help: "The address to listen on. Anything but 127.0.0.1 lets others read the site.")
    var host: String = "127.0.0.1"

    @Option(help: "Who the site is for: leadership (everything) or staff (no confidential content).")
    var audience: Audience = .leadership

    @Option(name: .customLong("as-of"), help: "The as-of date (YYYY-MM-DD); default: today.")
    var asOf: Day?

    @Option(help: "A folder of templates and assets replacing the defaults of the same name.")
    var templates: String?

    @Flag(help: "Do not read the git history: no record is judged late.")
    var noHistory = false

    @Option(
        help: ArgumentHelp(
            "A folder of parsed files (the one `growth build --cache` keeps): the first build parses only what changed since.",
            valueName: "folder"))
    var cache: String?

    func run() async throws {
        let site = ServedSite()
        let builder = Rebuilder(options: self, site: site)
        // Watch before the first build, so that a file saved while it runs is
        // not missed.
        var roots = [URL(fileURLWithPath: content)]
        if let templates { roots.append(URL(fileURLWithPath: templates)) }
        let watcher = ContentWatcher(roots) { Task { await builder.changed() } }
        if watcher == nil { builder.pollForChanges(roots) }
        await builder.rebuild()
        if !["127.0.0.1", "localhost", "::1"].contains(host) {
            print(
                "growth serve: warning: listening on \(host), not only on this computer: "
                    + (audience == .leadership
                        ? "the leadership site holds minors' confidential data, and anyone who can reach this address can read it"
                        : "anyone who can reach this address can read the staff site"))
        }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let channel = try await HTTPServer.start(site: site, host: host, port: port, group: group)
        let bound = channel.localAddress?.port ?? port
        // Ctrl-C is handled before the address is printed: one pressed (or
        // sent by a script) at once must stop the server, not be lost.
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let stop = { @Sendable in channel.close(promise: nil) }
        let interrupt = DispatchSource.makeSignalSource(signal: SIGINT)
        interrupt.setEventHandler(handler: stop)
        interrupt.resume()
        let terminate = DispatchSource.makeSignalSource(signal: SIGTERM)
        terminate.setEventHandler(handler: stop)
        terminate.resume()
        print("growth serve: http://\(host.contains(":") ? "[\(host)]" : host):\(bound)/ (Ctrl-C stops)")
        fflushStandardOutput()
        try await channel.closeFuture.get()
        try await group.shutdownGracefully()
        withExtendedLifetime(watcher) {}
        print("growth serve: stopped")
    }
}

/// Prints now, so a script reading the pipe sees the address at once.
func fflushStandardOutput() { fflush(nil) }

/// Rebuilds the site after saves: a burst of saves gives one rebuild, and
/// rebuilds never overlap.
actor Rebuilder {
    let options: Serve
    let site: ServedSite
    private var generation = 0
    private var building = false
    private var pending = false
    /// The files of the last read: a rebuild parses only what was saved
    /// since. With `--cache`, read from its folder at the start and kept
    /// there after each build.
    private let cache: ParseCache
    /// `--cache`, unless it may not be used.
    private let cacheFolder: String?

    init(options: Serve, site: ServedSite) {
        self.options = options
        self.site = site
        if let folder = options.cache, let refusal = CacheFolder.refusal(folder) {
            print("growth serve: \(refusal)")
            cacheFolder = nil
        } else {
            cacheFolder = options.cache
        }
        cache = cacheFolder.map { CacheFolder.open($0) { print($0) } } ?? ParseCache()
    }

    /// A file was saved: rebuild once the burst (an editor writes, renames,
    /// sets attributes, all within a few milliseconds) has been quiet for
    /// 50 ms.
    func changed() async {
        generation += 1
        let mine = generation
        try? await Task.sleep(for: .milliseconds(50))
        guard mine == generation else { return }
        // The actor lets another call in while a build awaits: one at a time,
        // and one more after it when files were saved meanwhile.
        if building {
            pending = true
            return
        }
        building = true
        repeat {
            pending = false
            await rebuild()
        } while pending
        building = false
    }

    /// Without inotify: looks at every file's size and time once a second.
    nonisolated func pollForChanges(_ roots: [URL]) {
        Task.detached {
            var last = Self.fingerprint(roots)
            while true {
                try? await Task.sleep(for: .seconds(1))
                let now = Self.fingerprint(roots)
                if now != last {
                    last = now
                    await self.changed()
                }
            }
        }
    }

    static func fingerprint(_ roots: [URL]) -> [String: Double] {
        var result: [String: Double] = [:]
        for root in roots {
            guard let walker = FileManager.default.enumerator(atPath: root.path) else { continue }
            while let path = walker.nextObject() as? String {
                let attributes = walker.fileAttributes
                let time = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                let size = (attributes?[.size] as? NSNumber)?.doubleValue ?? 0
                result[root.path + "/" + path] = time * 1e6 + size
            }
        }
        return result
    }

    /// One build into memory; errors are shown on every page, never fatal.
    func rebuild() async {
        let started = Date()
        let (checked, day) = await ContentCheck.run(
            content: URL(fileURLWithPath: options.content), asOf: options.asOf,
            sourceDateEpoch: ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], history: !options.noHistory,
            cache: cache)
        let checkedAt = Date()
        let parsed = cacheFolder.map { "; " + CacheFolder.keep(cache, in: $0) { print($0) } } ?? ""
        let errors = checked.diagnostics.filter { $0.severity == .error }
        guard let school = checked.school, let day else {
            site.replace(with: nil, problems: errors, label: options.content)
            print("growth serve: \(errors.count) errors; school.yml could not be read")
            fflushStandardOutput()
            return
        }
        var templateSet = TemplateSet.defaults()
        var problems = errors
        if let templates = options.templates {
            do {
                templateSet = try TemplateSet.overriding(with: URL(fileURLWithPath: templates))
            } catch {
                problems.append(error)
            }
        }
        // Pages are rendered when a browser asks for them.
        let plan = SiteBuilder.plan(
            school: school, asOf: day, audience: options.audience, templates: templateSet,
            problems: errors.isEmpty ? [] : checked.diagnostics)
        site.replace(with: plan, problems: problems, label: options.content)
        let ms = Int(Date().timeIntervalSince(started) * 1000)
        let checking = Int(checkedAt.timeIntervalSince(started) * 1000)
        print(
            "growth serve: ready with \(plan.paths.count) files as of \(day) in \(ms) ms (read and check \(checking) ms, the rest \(ms - checking) ms), \(errors.count) errors\(parsed)"
        )
        fflushStandardOutput()
    }
}
