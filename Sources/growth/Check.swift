import ArgumentParser
import Foundation
import GrowthKit

/// `growth check`: reports every problem in the content.
struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the content and report every problem with its file, line and column.",
        discussion: """
            Exits 0 when there are no errors (warnings allowed), 1 when there are. With file paths, \
            or --changed for the files staged in git, only their problems are reported, while the \
            whole content is still checked for rules across files (a pre-commit hook).
            """)

    @OptionGroup var options: ContentOptions

    @Flag(help: "Report only the problems of the files staged in git (git diff --cached).")
    var changed = false

    @Argument(help: "Report only the problems of these files.")
    var paths: [String] = []

    @Option(
        help: ArgumentHelp(
            "A folder where the check keeps the files it parsed, so the next one parses only the files that changed.",
            discussion: "The folder `growth build --cache` keeps; one made by another build of growth is ignored.",
            valueName: "folder"))
    var cache: String?

    func run() async throws {
        var only: Set<String>?
        if changed || !paths.isEmpty {
            var files = Set(paths.compactMap { ChangedFiles.relative($0, to: options.content) })
            if changed {
                do {
                    files.formUnion(try ChangedFiles.staged(in: options.content))
                } catch {
                    print("growth check: --changed needs git: \(error)")
                    throw ExitCode(1)
                }
            }
            only = files
        }
        let (checked, _, _) = await options.check(
            only: only, cache: options.usable(cache: cache, command: "check"))
        UntilExit.keep(checked)
        let errors = checked.diagnostics.contains { diagnostic in
            diagnostic.severity == .error && (only?.contains(diagnostic.location.path) ?? true)
        }
        if errors { throw ExitCode(1) }
    }
}

/// The files a pre-commit hook asks about, as paths in the content folder.
enum ChangedFiles {
    /// Files staged for the next commit (added, copied, modified, renamed).
    static func staged(in content: String) throws -> Set<String> {
        let list = try GitHistory.git([
            "-C", content, "diff", "--cached", "--name-only", "--diff-filter=ACMR", "--relative", "-z",
        ])
        return Set(list.split(separator: "\0").map(String.init))
    }

    /// `content/students/x/index.md` (or an absolute path) → `students/x/index.md`.
    static func relative(_ path: String, to content: String) -> String? {
        let root = URL(fileURLWithPath: content).standardizedFileURL.path
        let full = URL(fileURLWithPath: path).standardizedFileURL.path
        guard full.hasPrefix(root + "/") else { return nil }
        return String(full.dropFirst(root.count + 1))
    }
}
