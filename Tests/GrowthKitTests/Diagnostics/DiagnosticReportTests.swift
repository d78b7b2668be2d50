import Foundation
import Testing

@testable import GrowthKit

/// Many warnings of one rule must not bury the errors a tutor needs to see.
@Suite struct DiagnosticReportTests {
    static let report = DiagnosticReport(
        (1...12).map {
            .warning(.dateAfterAsOf, at: SourceLocation(path: "students/s\($0 + 10)/2025-10-01-talk.md"), "late")
        } + [
            .error(.wrongType, at: SourceLocation(path: "students/s99/index.md", line: 3, column: 7), "bad"),
            .error(.unknownID, at: SourceLocation(path: "students/s01/index.md", line: 4, column: 8), "unknown"),
            .warning(.emptyTalk, at: SourceLocation(path: "students/s12/2025-10-02-talk.md"), "empty"),
        ], fileCount: 20)

    @Test func warningsOfOneRulePastTheFirstFiveAreSummedUpErrorsNever() {
        let lines = Self.report.lines(in: .text)
        #expect(lines.count == 2 + 5 + 1 + 1)
        #expect(lines.filter { $0.contains("error:") }.count == 2)
        #expect(lines.filter { $0.contains("[date-after-as-of]") }.count == 5)
        #expect(lines.contains("students/s12/2025-10-02-talk.md:1:1: warning: empty [empty-talk]"))
        #expect(lines.last == "… and 7 more `date-after-as-of` warnings; --verbose lists them all")
        #expect(Self.report.lines(in: .text, verbose: true).count == 15)
    }

    @Test func githubGetsOneAnnotationPerProblemUpToItsLimitThenOneSummary() {
        let lines = Self.report.lines(in: .github)
        #expect(lines.filter { $0.hasPrefix("::error file=") }.count == 2)
        #expect(lines.filter { $0.hasPrefix("::warning file=") }.count == 10)
        #expect(
            lines.last
                == "::warning::… and 3 more problems not annotated (3 date-after-as-of); growth check --format text lists them all"
        )
    }

    @Test func anEarlyAsOfDateGivesOneLinePerRuleNotOnePerRecord() throws {
        let run = try CheckCommandTests.growth([
            "check", "--content", "Tests/GrowthKitTests/Fixtures/terms", "--as-of", "2025-09-01",
        ])
        #expect(run.status == 0)
        #expect(run.lines.filter { $0.contains("[date-after-as-of]") }.count == 5)
        #expect(run.lines.contains("… and 12 more `date-after-as-of` warnings; --verbose lists them all"))
        let verbose = try CheckCommandTests.growth([
            "check", "--content", "Tests/GrowthKitTests/Fixtures/terms", "--as-of", "2025-09-01", "--verbose",
        ])
        #expect(verbose.lines.filter { $0.contains("[date-after-as-of]") }.count == 17)
    }
}
