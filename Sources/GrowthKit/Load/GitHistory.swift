import Foundation

/// The day each file of the content was first committed (SPEC §8, late
/// entries): one `git log` over the content folder, never a process per file.
/// No git library: the one question is asked of the real git, which reads
/// every repository format, pack and worktree the school's CI may have.
public enum GitHistory {
    /// What the history says, or why it says nothing.
    enum Outcome: Sendable, Equatable {
        /// Path in the content folder → the day it was first committed.
        case known([String: Day])
        /// Late entries cannot be told: the one warning to print.
        case unavailable(String)
    }

    /// What git printed of the content folder's history, or why it printed nothing.
    enum Log: Sendable {
        case printed(String)
        case unavailable(String)
    }

    /// Reads the first-commit day of every file under `content`, in `timezone`.
    static func read(_ content: URL, timezone: String) -> Outcome {
        outcome(of: log(content), timezone: timezone)
    }

    /// The days `log` names, in `timezone`.
    static func outcome(of log: Log, timezone: String) -> Outcome {
        switch log {
        case .printed(let text): .known(parse(text, timezone: timezone))
        case .unavailable(let note): .unavailable(note)
        }
    }

    /// Asks git, in three processes, for the history of `content`.
    static func log(_ content: URL) -> Log {
        let folder = content.standardizedFileURL.path
        guard let inside = try? git(["-C", folder, "rev-parse", "--is-inside-work-tree"]),
            inside.trimmingCharacters(in: .whitespacesAndNewlines) == "true"
        else {
            return .unavailable(
                "\(folder) is not in a git repository (or git is missing): late entries cannot be told, no record is marked late"
            )
        }
        if let shallow = try? git(["-C", folder, "rev-parse", "--is-shallow-repository"]),
            shallow.trimmingCharacters(in: .whitespacesAndNewlines) == "true"
        {
            return .unavailable(
                "\(folder) is a shallow clone: late entries cannot be told from it, no record is marked late; "
                    + "fetch the whole history (actions/checkout with fetch-depth: 0, GitLab GIT_DEPTH: 0)")
        }
        guard
            let log = try? git([
                "-C", folder, "log", "--relative", "--reverse", "--no-renames", "--diff-filter=A", "--name-only", "-z",
                "--format=%x01%ct", "--", ".",
            ])
        else {
            return .unavailable("git log failed in \(folder): late entries cannot be told, no record is marked late")
        }
        return .printed(log)
    }

    /// `log` asked on a thread of its own from the moment it is made: git
    /// answers while the content is read, instead of after it with the
    /// cores idle.
    final class Pending: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        /// Written once, before `done` is signalled.
        private var answer: Log?

        init(_ content: URL) {
            Thread.detachNewThread { [self] in
                answer = GitHistory.log(content)
                done.signal()
            }
        }

        /// What git said, once it has.
        var log: Log {
            done.wait()
            defer { done.signal() }
            return answer!
        }
    }

    /// `\u{1}<seconds>\0\n<path>\0<path>\0…` per commit, oldest first: the
    /// first commit naming a path is the one that added it.
    static func parse(_ log: String, timezone: String) -> [String: Day] {
        var days: [String: Day] = [:]
        for commit in log.split(separator: "\u{1}") {
            let fields = commit.split(separator: "\0", omittingEmptySubsequences: true)
            guard let seconds = fields.first.flatMap({ Double($0) }) else { continue }
            let day = Day(Date(timeIntervalSince1970: seconds), in: timezone)
            for field in fields.dropFirst() {
                let path = field.trimmingCharacters(in: .whitespacesAndNewlines)
                if !path.isEmpty, days[path] == nil { days[path] = day }
            }
        }
        return days
    }

    /// A git that failed, with what it said.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `git` with `arguments` and returns what it printed: the one way
    /// growth asks git anything (the history here, staged files for `check --changed`).
    public static func git(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(
                description: String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return String(decoding: data, as: UTF8.self)
    }
}
