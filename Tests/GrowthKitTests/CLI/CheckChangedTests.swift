import Foundation
import Testing

@testable import GrowthKit

/// `growth check --changed`, the pre-commit hook: only the staged files'
/// problems, with rules across files still checked on the whole content.
@Suite struct CheckChangedTests {
    static func git(_ arguments: [String], in root: URL) throws {
        let run = try TestProcess.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"] + arguments, in: root)
        #expect(run.status == 0, "\(run.output)")
    }

    @Test func onlyTheStagedFilesProblemsAreReported() throws {
        let root = try TestContent.write(try TestContent.read(TestContent.fixture("terms")))
        defer { TestContent.remove(root) }
        try Self.git(["init", "-q", "."], in: root)
        try Self.git(["add", "-A"], in: root)
        try Self.git(["commit", "-q", "-m", "start"], in: root)
        // A broken file nobody staged, and a staged one that names an unknown tutor.
        try "---\nmood: 9\n---\n没提交。\n".write(
            to: root.appendingPathComponent("students/s2/2025-12-01-talk.md"), atomically: true, encoding: .utf8)
        try "---\ntutor: t-zz\n---\n要提交。\n".write(
            to: root.appendingPathComponent("students/s1/2025-12-02-talk.md"), atomically: true, encoding: .utf8)
        try Self.git(["add", "students/s1/2025-12-02-talk.md"], in: root)
        let run = try CheckCommandTests.growth(["check", "--content", root.path, "--changed", "--as-of", "2025-12-10"])
        #expect(run.status == 1)
        #expect(
            run.lines == [
                "\(root.path)/students/s1/2025-12-02-talk.md:2:8: error: no tutor has the id `t-zz` (there is no tutors/t-zz.md) [unknown-id]",
                "1 error, 0 warnings in 1 changed file (28 checked)",
            ])
        // Named on the command line instead: the same, for that file alone.
        let named = try CheckCommandTests.growth([
            "check", "--content", root.path, "--as-of", "2025-12-10", root.path + "/students/s4/2025-11-05-talk.md",
        ])
        #expect(named.status == 0)
        #expect(named.lines == ["0 errors, 0 warnings in 1 changed file (28 checked)"])
    }
}
