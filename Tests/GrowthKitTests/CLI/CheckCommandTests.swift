import Foundation
import Testing

/// Runs the real `growth` binary, the way a tutor or CI does.
@Suite struct CheckCommandTests {
    /// The folder SwiftPM builds products into: the test runner lives there too.
    static let productsFolder: URL = {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        // On macOS the runner sits inside an .xctest bundle.
        while folder.pathComponents.count > 1,
            folder.lastPathComponent.hasSuffix(".xctest")
                || folder.lastPathComponent == "MacOS" || folder.lastPathComponent == "Contents"
        {
            folder.deleteLastPathComponent()
        }
        return folder
    }()

    /// Runs the built `growth` in the package root, without the caller's SOURCE_DATE_EPOCH.
    static func growth(_ arguments: [String], environment: [String: String] = [:]) throws -> TestProcess {
        var variables = ProcessInfo.processInfo.environment
        variables["SOURCE_DATE_EPOCH"] = nil
        variables.merge(environment) { _, new in new }
        return try TestProcess.run(
            productsFolder.appendingPathComponent("growth"), arguments, environment: variables)
    }

    let mistakes = "Tests/GrowthKitTests/Fixtures/mistakes"

    @Test func mistakesPrintEveryProblemLikeACompilerAndExit1() throws {
        let run = try Self.growth(["check", "--content", mistakes, "--as-of", "2025-11-30"])
        #expect(run.status == 1)
        #expect(run.lines.count == 32)
        #expect(
            run.lines.first
                == "\(mistakes)/classes/c2.md:2:1: error: `name` is missing: give the class's name, e.g. 2023级护理1班 [missing-field]"
        )
        #expect(
            run.lines.contains(
                "\(mistakes)/students/s1/2025-09-11-talk.md:2:7: error: `mood: high` must be a whole number from 1 to 5 [wrong-type]"
            ))
        #expect(
            run.lines.contains(
                "\(mistakes)/students/s1/2025-09-17-talk.md:1:1: warning: the talk has no text: write what was talked about [empty-talk]"
            ))
        #expect(run.lines.last == "27 errors, 4 warnings in 29 files")
        let paths = run.lines.dropLast().map { $0.prefix { $0 != ":" } }
        #expect(paths == paths.sorted())
    }

    @Test func githubFormatAnnotates() throws {
        let run = try Self.growth(["check", "--content", mistakes, "--as-of", "2025-11-30", "--format", "github"])
        #expect(run.status == 1)
        // GitHub shows ten annotations of a kind per step: ten, then one that sums up the rest.
        #expect(run.lines.filter { $0.hasPrefix("::error file=") }.count == 10)
        #expect(run.lines.contains { $0.hasPrefix("::error::… and 17 more problems not annotated (") })
        let verbose = try Self.growth([
            "check", "--content", mistakes, "--as-of", "2025-11-30", "--format", "github", "--verbose",
        ])
        #expect(
            verbose.lines.contains(
                "::error file=\(mistakes)/tutors/t-b.md,line=4,col=1::`role` is given twice; the first is at line 3 [duplicate-key]"
            ))
    }

    @Test func aCleanSchoolExits0() throws {
        let run = try Self.growth(["check", "--content", "Tests/GrowthKitTests/Fixtures/small-school"])
        #expect(run.status == 0)
        #expect(run.output == "0 errors, 0 warnings in 12 files\n")
    }

    @Test func aMissingFolderIsAnErrorNotACrash() throws {
        let run = try Self.growth(["check", "--content", "no-such-folder"])
        #expect(run.status == 1)
        #expect(run.lines.count == 2)
        #expect(run.lines.first?.hasPrefix("no-such-folder:1:1: error: there is no content folder at /") == true)
    }

    @Test func aBadAsOfDateIsAUsageError() throws {
        let run = try Self.growth(["check", "--content", mistakes, "--as-of", "2025-02-30"])
        #expect(run.status == 64)
        #expect(run.output.contains("2025-02-30"))
    }
}
