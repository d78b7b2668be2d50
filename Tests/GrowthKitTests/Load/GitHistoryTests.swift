import Foundation
import Synchronization
import Testing

@testable import GrowthKit

/// What `git log` says of the content, read into the day each file was first committed.
@Suite struct GitHistoryTests {
    /// Two commits in Shanghai's time: the first names every file it added, after
    /// the line break git puts after a commit's time; a file added again later
    /// (deleted and re-added) keeps its first day; a commit whose time is not a
    /// number is skipped, not guessed; a commit that added nothing names no file.
    @Test func eachFileGetsTheDayOfTheCommitThatAddedIt() {
        // 2025-09-01 23:30 UTC is 2025-09-02 in Shanghai; 2025-10-10 02:00 UTC is 2025-10-10.
        let first = 1_756_769_400
        let second = 1_760_061_600
        let log =
            "\u{1}\(first)\0\nschool.yml\0students/s1/index.md\0students/s1/2025-09-02-谈心.md\0"
            + "\u{1}not-a-time\0\nstudents/s2/index.md\0"
            + "\u{1}\(second)\0"
            + "\u{1}\(second)\0\nstudents/s1/index.md\0tutors/t-a.md\0"
        let days = GitHistory.parse(log).days(in: "Asia/Shanghai")
        let expected: [String: Day?] = [
            "school.yml": Day(year: 2025, month: 9, day: 2),
            "students/s1/index.md": Day(year: 2025, month: 9, day: 2),
            "students/s1/2025-09-02-谈心.md": Day(year: 2025, month: 9, day: 2),
            "tutors/t-a.md": Day(year: 2025, month: 10, day: 10),
            // Named only by the commit whose time is not a number.
            "students/s2/index.md": nil,
            "\nschool.yml": nil,
        ]
        for (path, day) in expected {
            #expect(days[path] == day, "\(path)")
        }
    }

    /// A program that writes more to standard error than its pipe holds
    /// before it writes its answer: both pipes are read at once, so neither
    /// side waits for the other (reading one to its end first never ended).
    /// Asked on a thread of its own, so that a regression fails here
    /// instead of holding the suite.
    @Test func aLongErrorOutputDoesNotBlockTheAnswer() {
        let finished = DispatchSemaphore(value: 0)
        let answer = Mutex<String?>(nil)
        Thread.detachNewThread {
            let said = try? GitHistory.run(
                "/bin/sh", ["-c", "head -c 300000 /dev/zero | tr '\\0' x >&2; echo answered"])
            answer.withLock { $0 = said }
            finished.signal()
        }
        #expect(finished.wait(timeout: .now() + 30) == .success, "no answer in 30 s")
        #expect(answer.withLock { $0 } == "answered\n")
    }

    /// A program that fails is reported with what it wrote on standard error.
    @Test func aFailureSaysWhatTheProgramSaid() {
        let error = #expect(throws: GitHistory.Failure.self) {
            try GitHistory.run("/bin/sh", ["-c", "echo 'fatal: not a git repository' >&2; exit 128"])
        }
        #expect(error?.description == "fatal: not a git repository")
    }
}
