import Foundation
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
}
