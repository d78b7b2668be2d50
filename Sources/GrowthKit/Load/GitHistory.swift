import Foundation

/// The day each file of the content was first committed (SPEC §8, late
/// entries): one `git log` over the content folder, never a process per file.
/// No git library: the one question is asked of the real git, which reads
/// every repository format, pack and worktree the school's CI may have.
public enum GitHistory {
    /// What the history says, or why it says nothing.
    enum Outcome: Sendable, Equatable {
        /// The day each path in the content folder was first committed.
        case known(FirstCommits)
        /// Late entries cannot be told: the one warning to print.
        case unavailable(String)
    }

    /// What git said of the content folder's history, read, or why it said nothing.
    enum Log: Sendable {
        case read(Additions)
        case unavailable(String)
    }

    /// Which commit added each path, and each commit's time: what the log
    /// says before a time zone turns the times into days.
    struct Additions: Sendable {
        /// Path → the commit that added it (an index into `seconds`).
        var commits: [String: Int] = [:]
        /// Seconds since 1970, oldest commit first.
        var seconds: [Double] = []

        /// The days, in `timezone`: one per commit, not one per file.
        func days(in timezone: String) -> FirstCommits {
            FirstCommits(commits: commits, days: seconds.map { Day(Date(timeIntervalSince1970: $0), in: timezone) })
        }
    }

    /// The day each path was first committed.
    struct FirstCommits: Sendable, Equatable {
        fileprivate var commits: [String: Int]
        fileprivate var days: [Day]

        subscript(path: String) -> Day? { commits[path].map { days[$0] } }
    }

    /// The days `log` names, in `timezone`.
    static func outcome(of log: Log, timezone: String) -> Outcome {
        switch log {
        case .read(let additions): .known(additions.days(in: timezone))
        case .unavailable(let note): .unavailable(note)
        }
    }

    /// Asks git, in three processes, for the history of `content`, and reads what it says.
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
        return .read(parse(log))
    }

    /// `log` asked and read on a thread of its own from the moment it is
    /// made: git answers, and its answer is read, while the content is
    /// read, instead of after it with the cores idle.
    struct Pending: Sendable {
        private let answer: Answer<Log>

        init(_ content: URL) { answer = Answer { GitHistory.log(content) } }

        /// What git said, once it has.
        var log: Log { answer.value }
    }

    /// A value made on a thread of its own from the moment this is made;
    /// `value` waits for it.
    final class Answer<Value: Sendable>: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        /// Written once, before `done` is signalled.
        private var made: Value?

        init(_ make: @escaping @Sendable () -> Value) {
            Thread.detachNewThread { [self] in
                made = make()
                done.signal()
            }
        }

        var value: Value {
            done.wait()
            defer { done.signal() }
            return made!
        }
    }

    /// `\u{1}<seconds>\0\n<path>\0<path>\0…` per commit, oldest first: the
    /// first commit naming a path is the one that added it. A commit whose
    /// time is not a number is skipped.
    ///
    /// Read by the byte: a school's first commit names every file, and
    /// splitting 2 MB of log by `Character` and trimming each path through
    /// Foundation took 0.6 s of a cached build.
    static func parse(_ log: String) -> Additions {
        var additions = Additions()
        var log = log
        log.withUTF8 { bytes in
            // Each file is one field: room for them all at once.
            additions.commits.reserveCapacity(bytes.count { $0 == 0 })
            for commit in bytes.split(separator: 1) {
                let fields = commit.split(separator: 0)
                guard let first = fields.first,
                    let seconds = Double(String(decoding: first, as: UTF8.self))
                else { continue }
                additions.seconds.append(seconds)
                for field in fields.dropFirst() {
                    let path = trimmed(field)
                    if !path.isEmpty, additions.commits[path] == nil {
                        additions.commits[path] = additions.seconds.count - 1
                    }
                }
            }
        }
        return additions
    }

    /// A path without the white space around it (the line break after a
    /// commit's time): by the byte where it is ASCII, else as Foundation trims.
    private static func trimmed(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        let isSpace = { (byte: UInt8) in byte == 0x20 || (0x09...0x0D).contains(byte) }
        var path = field
        while let byte = path.first, isSpace(byte) { path = path.dropFirst() }
        while let byte = path.last, isSpace(byte) { path = path.dropLast() }
        let text = String(decoding: path, as: UTF8.self)
        guard let first = path.first, let last = path.last, first < 0x80, last < 0x80 else {
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return text
    }

    /// A git that failed, with what it said.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs `git` with `arguments` and returns what it printed: the one way
    /// growth asks git anything (the history here, staged files for `check --changed`).
    public static func git(_ arguments: [String]) throws -> String {
        try run("/usr/bin/env", ["git"] + arguments)
    }

    /// What `executable` writes on standard output, or a `Failure` with what
    /// it wrote on standard error when it fails. Both are read at once: a
    /// program that filled one pipe while the other was being read to its
    /// end would wait on it forever.
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let reading = errors.fileHandleForReading
        let message = Answer { reading.readDataToEndOfFile() }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(
                description: String(decoding: message.value, as: UTF8.self)
                    .trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return String(decoding: data, as: UTF8.self)
    }
}
