import Foundation
import Testing

@testable import GrowthKit

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `growth serve` over real HTTP on a free port of 127.0.0.1.
@Suite(.serialized) struct ServeCommandTests {
    /// A server started on a copy of `Fixtures/terms`, stopped by `stop()`.
    final class Server: @unchecked Sendable {
        let root: URL
        let running: OutputFaultTests.Running
        let base: String

        init(host: String = "127.0.0.1", extra: [String] = []) throws {
            root = try TestContent.write(try TestContent.read(TestContent.fixture("terms")))
            running = try OutputFaultTests.Running(
                ["serve", "--content", root.path, "--port", "0", "--host", host, "--as-of", "2025-12-10"] + extra)
            guard running.wait(for: "(Ctrl-C stops)", seconds: 60),
                let match = running.output.firstMatch(of: /http:\/\/([0-9.]+):([0-9]+)\//)
            else {
                base = ""
                return
            }
            base = "http://\(match.1):\(match.2)"
        }

        func get(_ path: String) async throws -> (status: Int, body: String) {
            let (data, response) = try await URLSession.shared.data(from: URL(string: base + path)!)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
        }

        /// Waits until `path` answers with `marker` in its body (or, with
        /// `present: false`, without it). A rebuild takes under a second
        /// alone; the deadline is for a CI machine busy with the whole suite.
        func eventually(
            _ path: String, contains marker: String, present: Bool = true, seconds: Double = 90
        ) async throws -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if try await get(path).body.contains(marker) == present { return true }
                try await Task.sleep(for: .milliseconds(100))
            }
            return false
        }

        func stop() -> Int32 {
            kill(running.process.processIdentifier, SIGINT)
            let status = running.finish()
            TestContent.remove(root)
            return status
        }
    }

    @Test func servesThePagesRebuildsOnSaveAndStopsOnCtrlC() async throws {
        let server = try Server()
        #expect(!server.base.isEmpty, "\(server.running.output)")
        let home = try await server.get("/")
        #expect(home.status == 200)
        #expect(home.body.contains("<title>学校总览 · 测试学校</title>"))
        // The served copy reloads itself; the built site never carries the script.
        #expect(home.body.contains("<script src=\"/__growth/reload.js\"></script>\n</body>"))
        let student = try await server.get("/students/s1/index.html")
        #expect(student.status == 200 && student.body.contains("学生一"))
        #expect(try await server.get("/students/s1/").body == student.body)
        #expect(try await server.get("/no/such/page.html").status == 404)

        // A tutor saves a new talk: the growth file shows it within seconds.
        try "---\nmood: 4\n---\nMARK-NEW-TALK 今天的谈话。\n".write(
            to: server.root.appendingPathComponent("students/s1/2025-12-09-talk.md"), atomically: true,
            encoding: .utf8)
        #expect(
            try await server.eventually("/students/s1/index.html", contains: "MARK-NEW-TALK"),
            "\(server.running.output)")
        #expect(try await server.get("/__growth/version.js").body == "window.__growthReload(2);\n")

        // A broken file: every page shows the problem with its place, the server stays.
        try "---\nmood: 9\n---\n坏了。\n".write(
            to: server.root.appendingPathComponent("students/s2/2025-12-08-talk.md"), atomically: true,
            encoding: .utf8)
        #expect(
            try await server.eventually("/", contains: "id=\"growth-serve-problems\""), "\(server.running.output)")
        let broken = try await server.get("/classes/c1/index.html").body
        #expect(
            broken.contains("students/s2/2025-12-08-talk.md:2:7: error: `mood: 9` must be a whole number from 1 to 5"))
        try FileManager.default.removeItem(at: server.root.appendingPathComponent("students/s2/2025-12-08-talk.md"))
        #expect(
            try await server.eventually("/", contains: "growth-serve-problems", present: false),
            "\(server.running.output)")

        // Nothing was written beside the content.
        #expect(!FileManager.default.fileExists(atPath: server.root.appendingPathComponent("site").path))
        #expect(server.stop() == 0)
        #expect(server.running.output.contains("growth serve: stopped"))
        #expect(!server.running.output.contains("warning"))
    }

    /// With `--cache`, a server parses only what changed since the last run
    /// with that folder, and keeps it up to date as files are saved.
    @Test func aCacheFolderSavesTheFirstBuildsParsing() async throws {
        let cache = try TestContent.temporaryFolder()
        defer { TestContent.remove(cache) }
        let files = try TestContent.read(TestContent.fixture("terms")).count
        let first = try Server(extra: ["--cache", cache.path])
        #expect(first.running.output.contains("0 errors; \(files) of \(files) files parsed"), "\(first.running.output)")
        #expect(first.stop() == 0)
        let second = try Server(extra: ["--cache", cache.path])
        let others = try TestContent.read(TestContent.fixture("terms")).keys.filter {
            !($0.hasPrefix("students/") && $0.hasSuffix(".md"))
        }.count
        #expect(
            second.running.output.contains("0 errors; \(others) of \(files) files parsed"), "\(second.running.output)")
        #expect(try await second.get("/students/s1/index.html").body.contains("学生一"))
        #expect(second.stop() == 0)
    }

    @Test func anotherAddressIsServedWithAWarning() async throws {
        let server = try Server(host: "127.0.0.2")
        #expect(server.base.hasPrefix("http://127.0.0.2:"), "\(server.running.output)")
        #expect(
            server.running.output.contains(
                "growth serve: warning: listening on 127.0.0.2, not only on this computer: the leadership site holds minors' confidential data"
            ))
        #expect(try await server.get("/").status == 200)
        #expect(server.stop() == 0)
    }
}
