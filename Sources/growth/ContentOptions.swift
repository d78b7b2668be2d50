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

    @Option(help: "How to print problems: text, or github for GitHub Actions annotations.")
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
    func check(only: Set<String>? = nil) async -> (CheckedContent, asOf: Day?) {
        let (checked, asOf) = await ContentCheck.run(
            content: URL(fileURLWithPath: content), asOf: asOf,
            sourceDateEpoch: ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"])
        let shown = only.map { files in checked.diagnostics.filter { files.contains($0.location.path) } }
        let report = DiagnosticReport(shown ?? checked.diagnostics, fileCount: checked.fileCount)
        for line in report.lines(in: format, folder: content, verbose: verbose) { print(line) }
        if let only {
            let n = only.count
            print("\(report.counts) in \(n) changed file\(n == 1 ? "" : "s") (\(checked.fileCount) checked)")
        } else {
            print(report.summary)
        }
        return (checked, asOf)
    }
}
