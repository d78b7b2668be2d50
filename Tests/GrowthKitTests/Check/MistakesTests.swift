import Foundation
import Testing

@testable import GrowthKit

/// `Fixtures/mistakes` holds one of each kind of mistake of the issue; every one
/// is reported at the key, value or row that causes it, and nothing else.
@Suite struct MistakesTests {
    let diagnostics: [Diagnostic]

    init() async {
        let checked = await TestContent.check(TestContent.fixture("mistakes"), asOf: Day(iso: "2025-11-30"))
        diagnostics = checked.diagnostics
    }

    private func message(_ place: String) -> String? {
        diagnostics.first { $0.place == place }?.message
    }

    @Test func everyMistakeIsReportedAtItsPlaceAndNothingElse() {
        #expect(
            diagnostics.map(\.place) == [
                "missing-field classes/c2.md:2:1",
                "duplicate-id forums/2025-09-26.md:4:23",
                "unknown-id forums/2025-09-26.md:5:13",
                "bad-cadence school.yml:5:18",
                "invalid-date students/s1/2025-02-30-report.md:1:1",
                "date-outside-term students/s1/2025-08-20-talk.md:1:1",
                "yaml-syntax students/s1/2025-09-10-talk.md:2:7",
                "wrong-type students/s1/2025-09-11-talk.md:2:7",
                "invalid-value students/s1/2025-09-12-talk.md:2:7",
                "unknown-area students/s1/2025-09-12-talk.md:3:16",
                "invalid-date students/s1/2025-09-15-talk.md:2:7",
                "unknown-record-type students/s1/2025-09-16-chat.md:1:1",
                "empty-talk students/s1/2025-09-17-talk.md:1:1",
                "unknown-id students/s1/2025-09-18-report.md:2:8",
                "date-after-as-of students/s1/2025-12-01-talk.md:1:1",
                "file-name students/s1/notes.md:1:1",
                "duplicate-record students/s2/2025-09-10-talk.md:1:1",
                "unknown-field students/s2/2025-09-11-talk.md:2:1",
                "front-matter students/s3/2025-09-20-talk.md:1:1",
                "unknown-id students/s4/index.md:3:8",
                "unknown-id students/s4/index.md:4:8",
                "unknown-id students/s4/index.md:5:10",
                "no-tutor students/s5/index.md:1:1",
                "date-after-as-of surveys/2025-12.csv:2:1",
                "csv-columns surveys/2025-12.csv:3:1",
                "csv-value surveys/2025-12.csv:4:12",
                "csv-value surveys/2025-12.csv:4:23",
                "csv-value surveys/2025-12.csv:4:25",
                "tutor-over-capacity tutors/t-a.md:1:1",
                "duplicate-key tutors/t-b.md:4:1",
                "encoding tutors/t-gbk.md:2:7",
            ])
    }

    @Test func severities() {
        let warnings = diagnostics.filter { $0.severity == .warning }.map(\.rule)
        #expect(warnings == [.emptyTalk, .dateAfterAsOf, .unknownField, .dateAfterAsOf])
    }

    @Test func wrongTypeAndOutOfRangeMoodSayWhatIsExpected() {
        #expect(
            message("wrong-type students/s1/2025-09-11-talk.md:2:7")
                == "`mood: high` must be a whole number from 1 to 5")
        #expect(
            message("invalid-value students/s1/2025-09-12-talk.md:2:7")
                == "`mood: 9` must be a whole number from 1 to 5")
    }

    @Test func anImpossibleDateIsNeverAnotherDay() {
        #expect(message("invalid-date students/s1/2025-09-15-talk.md:2:7") == "`date: 2024-13-45` is not a real date")
        #expect(
            message("invalid-date students/s1/2025-02-30-report.md:1:1")
                == "`2025-02-30` in the file name is not a real date")
    }

    @Test func nonUTF8FileNamesTheLikelyEncoding() throws {
        let text = try #require(message("encoding tutors/t-gbk.md:2:7"))
        #expect(text.contains("GB18030/GBK"))
    }

    @Test func duplicateKeyPointsAtTheFirst() {
        #expect(message("duplicate-key tutors/t-b.md:4:1") == "`role` is given twice; the first is at line 3")
    }

    @Test func capacityNamesTheLimitAndTheStudents() throws {
        let text = try #require(message("tutor-over-capacity tutors/t-a.md:1:1"))
        #expect(text.contains("max_students_per_tutor 2"))
        #expect(text.contains("s1, s2, s3"))
    }

    @Test func csvRowsSayWhichColumnIsWrong() {
        #expect(
            message("csv-columns surveys/2025-12.csv:3:1")
                == "the row has 5 columns, not 6; quote a comment that holds a comma")
        #expect(message("csv-value surveys/2025-12.csv:4:23") == "score `7` must be a whole number from 1 to 5")
    }

    @Test func whatIsLeftOutOfTheModel() async throws {
        let checked = await TestContent.check(TestContent.fixture("mistakes"), asOf: Day(iso: "2025-11-30"))
        let school = try #require(checked.school)
        // The student of an unknown class is left out; the others stay.
        #expect(school.students.map(\.id) == ["s1", "s2", "s3", "s5", "s6"])
        // Records that could not be read, outside the term, after the as-of date or
        // duplicated are left out; the rest stay, with what could be read.
        #expect(
            school.records.map { "\($0.studentID) \($0.date) \($0.type)" } == [
                "s1 2025-09-11 talk", "s1 2025-09-12 talk", "s1 2025-09-17 talk", "s1 2025-09-18 report",
                "s2 2025-09-10 talk", "s2 2025-09-11 talk",
            ])
        #expect(school.surveys.count == 0)
        #expect(school.settings.policy.records == [.report: .months(1)])
    }
}
