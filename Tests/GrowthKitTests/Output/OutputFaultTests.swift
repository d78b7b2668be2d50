import Foundation
import Testing

@testable import GrowthKit

/// The output folder under contention and faults: two builds at once, a build
/// killed at several points, a full disk, a read-only folder, a folder the
/// build may not write. Each leaves the old site byte for byte as it was, or
/// the new one complete, and says why.
@Suite(.serialized) struct OutputFaultTests {
    static let content = "Tests/GrowthKitTests/Fixtures/terms"

    static func arguments(_ output: URL, _ extra: [String] = []) -> [String] {
        ["build", "--content", content, "--output", output.path, "--as-of", "2025-12-10"] + extra
    }

    /// A build started in the background, its output read as it comes.
    final class Running: @unchecked Sendable {
        let process = Process()
        let pipe = Pipe()
        private let lock = NSLock()
        private var text = ""

        init(_ arguments: [String], environment: [String: String] = [:]) throws {
            process.executableURL = CheckCommandTests.productsFolder.appendingPathComponent("growth")
            process.arguments = arguments
            process.currentDirectoryURL = TestContent.packageRoot
            var variables = ProcessInfo.processInfo.environment
            variables["SOURCE_DATE_EPOCH"] = nil
            process.environment = variables.merging(environment) { _, new in new }
            process.standardOutput = pipe
            process.standardError = pipe
            pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
                let data = handle.availableData
                guard let self, !data.isEmpty else { return }
                self.lock.withLock { self.text += String(decoding: data, as: UTF8.self) }
            }
            try process.run()
        }

        var output: String { lock.withLock { text } }

        /// Waits until the output holds `marker`; false after `seconds`.
        func wait(for marker: String, seconds: Double = 60) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if output.contains(marker) { return true }
                usleep(20_000)
            }
            return false
        }

        func kill() {
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }

        func finish() -> Int32 {
            process.waitUntilExit()
            usleep(50_000)
            pipe.fileHandleForReading.readabilityHandler = nil
            return process.terminationStatus
        }
    }

    /// A folder with a built site in it, and its bytes.
    static func builtSite() throws -> (parent: URL, site: URL, bytes: [String: Data]) {
        let parent = try TestContent.temporaryFolder()
        let site = parent.appendingPathComponent("site")
        let run = try CheckCommandTests.growth(arguments(site))
        #expect(run.status == 0, "\(run.output)")
        return (parent, site, BuildCommandTests.snapshot(site))
    }

    static func leftovers(_ parent: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [])
            .filter { $0.contains("growth-new") || $0.contains("growth-old") }
    }

    /// `--sync` flushes the new site to disk before the swap: the same site,
    /// swapped in whole, nothing left beside it.
    @Test func aSyncedBuildWritesTheSameSite() throws {
        let (parent, site, bytes) = try Self.builtSite()
        defer { TestContent.remove(parent) }
        let synced = parent.appendingPathComponent("synced")
        let run = try CheckCommandTests.growth(Self.arguments(synced, ["--sync"]))
        #expect(run.status == 0, "\(run.output)")
        #expect(BuildCommandTests.snapshot(synced) == bytes)
        let again = try CheckCommandTests.growth(Self.arguments(site, ["--sync"]))
        #expect(again.status == 0, "\(again.output)")
        #expect(BuildCommandTests.snapshot(site) == bytes)
        #expect(Self.leftovers(parent) == [])
    }

    @Test func aSecondBuildWaitsOrRefusesAndSaysWhoHoldsTheLock() throws {
        let (parent, site, _) = try Self.builtSite()
        defer { TestContent.remove(parent) }
        let first = try Running(Self.arguments(site), environment: ["GROWTH_TEST_PAUSE_BEFORE_SWAP": "3"])
        #expect(first.wait(for: "paused before the swap"))
        let refused = try CheckCommandTests.growth(Self.arguments(site, ["--lock-timeout", "0"]))
        #expect(refused.status == 1)
        #expect(
            refused.output.contains(
                "error: another growth build is writing this folder (held by pid \(first.process.processIdentifier) on "
            ))
        #expect(refused.output.contains("the old site is untouched [output]"))
        // A second build that may wait does, says so, and builds after the first.
        let waiting = try Running(Self.arguments(site, ["--lock-timeout", "60"]))
        #expect(waiting.wait(for: "growth build: waiting for another build of"))
        #expect(first.finish() == 0)
        #expect(waiting.finish() == 0, "\(waiting.output)")
        #expect(waiting.output.contains("growth build: wrote 27 files"))
        #expect(Self.leftovers(parent) == [])
    }

    @Test func aBuildKilledBeforeTheSwapLeavesTheOldSiteAndTheNextCleansUp() throws {
        let (parent, site, before) = try Self.builtSite()
        defer { TestContent.remove(parent) }
        let build = try Running(Self.arguments(site), environment: ["GROWTH_TEST_PAUSE_BEFORE_SWAP": "30"])
        #expect(build.wait(for: "paused before the swap"))
        build.kill()
        #expect(BuildCommandTests.snapshot(site) == before)
        #expect(Self.leftovers(parent).count == 1)
        // The lock died with the process: the next build runs at once and removes the staging folder.
        let next = try CheckCommandTests.growth(Self.arguments(site, ["--lock-timeout", "0"]))
        #expect(next.status == 0, "\(next.output)")
        #expect(Self.leftovers(parent) == [])
        #expect(BuildCommandTests.snapshot(site) == before)
    }

    @Test(arguments: [0.05, 0.2, 0.5]) func aBuildKilledAtAnyMomentLeavesAWholeSite(after seconds: Double) throws {
        let (parent, site, before) = try Self.builtSite()
        defer { TestContent.remove(parent) }
        let build = try Running(Self.arguments(site))
        usleep(useconds_t(seconds * 1_000_000))
        build.kill()
        // Old or new, never half: this content builds the same bytes either way.
        #expect(BuildCommandTests.snapshot(site) == before)
    }

    /// Mounts a small tmpfs (root only; skipped with a message elsewhere).
    static func tmpfs(_ folder: URL, size: String) -> Bool {
        let run = try? TestProcess.run("mount", ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", folder.path])
        return run?.status == 0
    }

    static func unmount(_ folder: URL) { _ = try? TestProcess.run("umount", [folder.path]) }

    @Test func aFullDiskSaysSoAndHowMuchWasNeeded() throws {
        let parent = try TestContent.temporaryFolder()
        defer { TestContent.remove(parent) }
        guard Self.tmpfs(parent, size: "2m") else {
            print("OutputFaultTests: skipped the full-disk case: this machine cannot mount a tmpfs (needs root)")
            return
        }
        defer { Self.unmount(parent) }
        let site = parent.appendingPathComponent("site")
        #expect(try CheckCommandTests.growth(Self.arguments(site)).status == 0)
        let before = BuildCommandTests.snapshot(site)
        // Fill the disk but for a few kilobytes.
        _ = try TestProcess.run("dd", ["if=/dev/zero", "of=\(parent.path)/filler", "bs=4k", "count=1000"])
        let full = try CheckCommandTests.growth(Self.arguments(site))
        #expect(full.status == 1)
        #expect(full.output.contains(": no space left on the device (the site needs "))
        #expect(full.output.contains(" MB free in \(parent.path)); the old site is untouched [output]"))
        #expect(BuildCommandTests.snapshot(site) == before)
        #expect(Self.leftovers(parent) == [])
    }

    @Test func aReadOnlyFolderSaysSo() throws {
        let parent = try TestContent.temporaryFolder()
        defer { TestContent.remove(parent) }
        guard Self.tmpfs(parent, size: "4m") else {
            print("OutputFaultTests: skipped the read-only case: this machine cannot mount a tmpfs (needs root)")
            return
        }
        defer { Self.unmount(parent) }
        let site = parent.appendingPathComponent("site")
        #expect(try CheckCommandTests.growth(Self.arguments(site)).status == 0)
        let before = BuildCommandTests.snapshot(site)
        #expect(try TestProcess.run("mount", ["-o", "remount,ro", parent.path]).status == 0)
        let run = try CheckCommandTests.growth(Self.arguments(site))
        #expect(run.status == 1)
        #expect(run.output.contains("read-only file system"), "\(run.output)")
        #expect(run.output.contains("the old site is untouched"))
        #expect(BuildCommandTests.snapshot(site) == before)
    }

    @Test func aFolderTheBuildMayNotWriteSaysPermissionDenied() throws {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser") else {
            print("OutputFaultTests: skipped the permission case: it runs the build as `nobody` with runuser, as root")
            return
        }
        let (parent, site, before) = try Self.builtSite()
        defer { TestContent.remove(parent) }
        // `nobody` may read the content and the binary but not write beside the site.
        _ = try TestProcess.run("chmod", ["-R", "a+rX", parent.path])
        let growth = CheckCommandTests.productsFolder.appendingPathComponent("growth").path
        let run = try TestProcess.run(
            URL(fileURLWithPath: "/usr/sbin/runuser"),
            ["-u", "nobody", "--", growth] + Self.arguments(site, ["--lock-timeout", "0"]))
        #expect(run.status == 1)
        #expect(run.output.contains("permission denied"), "\(run.output)")
        #expect(run.output.contains("the old site is untouched"))
        #expect(BuildCommandTests.snapshot(site) == before)
    }
}
