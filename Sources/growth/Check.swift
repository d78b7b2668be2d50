import ArgumentParser
import Foundation
import GrowthKit

/// `growth check`: reports every problem in the content.
struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the content and report every problem with its file, line and column.",
        discussion: "Exits 0 when there are no errors (warnings allowed), 1 when there are.")

    @Option(help: "The content folder.")
    var content: String = "content"

    @Option(name: .customLong("as-of"), help: "The as-of date (YYYY-MM-DD); default: SOURCE_DATE_EPOCH, else today.")
    var asOf: Day?

    @Option(help: "How to print problems: text, or github for GitHub Actions annotations.")
    var format: DiagnosticFormat = .text

    func run() async throws {
        let root = URL(fileURLWithPath: content)
        let (checked, _) = await ContentCheck.run(
            content: root, asOf: asOf, sourceDateEpoch: ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"])
        let report = DiagnosticReport(checked.diagnostics, fileCount: checked.fileCount)
        let prefix = content.hasSuffix("/") ? content : content + "/"
        for line in report.lines(in: format, contentPrefix: prefix) { print(line) }
        print(report.summary)
        if checked.hasErrors { throw ExitCode(1) }
    }
}
