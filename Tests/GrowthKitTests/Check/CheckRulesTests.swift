import Foundation
import Testing

@testable import GrowthKit

/// Rules checked across files, each on the minimal school plus what breaks it.
@Suite struct CheckRulesTests {
    private func places(_ files: [String: String], asOf: String? = nil, epoch: String? = nil) async throws
        -> [String]
    {
        let checked = try await TestContent.check(
            adding: files, asOf: asOf.flatMap { Day(iso: $0) }, sourceDateEpoch: epoch)
        return checked.diagnostics.map(\.place)
    }

    @Test func theMinimalSchoolIsClean() async throws {
        #expect(try await places([:]) == [])
    }

    @Test func aRecordAfterTodayIsAnErrorAfterTheAsOfDateAWarning() async throws {
        let files = [
            "students/s1/2025-10-01-talk.md": "---\n---\n聊天。\n",
            "students/s1/2025-10-20-talk.md": "---\n---\n聊天。\n",
        ]
        // The clock says 2025-10-10 in Shanghai; the as-of date defaults to it.
        let now = Date(timeIntervalSince1970: 1_760_054_400)
        let checked = try await TestContent.check(adding: files, now: now)
        #expect(checked.diagnostics.map(\.place) == ["date-in-future students/s1/2025-10-20-talk.md:1:1"])
        #expect(checked.diagnostics.first?.severity == .error)
        // Later, with the clock past both, an as-of date between them leaves the second out.
        let earlier = try await TestContent.check(adding: files, asOf: Day(iso: "2025-10-05"))
        #expect(earlier.diagnostics.map(\.place) == ["date-after-as-of students/s1/2025-10-20-talk.md:1:1"])
        // SOURCE_DATE_EPOCH (2025-10-05) picks the as-of day like --as-of does: a rebuild of a past day.
        let rebuilt = try await TestContent.check(adding: files, sourceDateEpoch: "1759622400")
        #expect(rebuilt.diagnostics.map(\.place) == ["date-after-as-of students/s1/2025-10-20-talk.md:1:1"])
    }

    @Test func numericIdsMayBeWrittenWithoutQuotes() async throws {
        let checked = try await TestContent.check(adding: [
            "students/2025002/index.md": "---\nname: 学生二\nclass: c1\ntutor: t-a\npartner: 2025003\n---\n",
            "students/2025003/index.md": "---\nname: 学生三\nclass: c1\ntutor: t-a\n---\n",
            "forums/2025-09-26.md": "---\ntopic: 研讨\nhost: t-a\nattendees: [t-a]\ncases: [2025002, \"2025003\"]\n---\n",
        ])
        #expect(checked.diagnostics.map(\.place) == [])
        #expect(checked.school?.students.first { $0.id == "2025002" }?.partner(on: day("2025-10-01")) == "2025003")
        #expect(checked.school?.forums.first?.cases == ["2025002", "2025003"])
    }

    /// The records are read in two halves of the students, side by side:
    /// each half finds its own duplicates, the references to a broken file
    /// are counted over both, and the records come out in one order.
    @Test func recordsOfEveryStudentAreCheckedWhicheverHalfTheyFallIn() async throws {
        var files = [
            "tutors/t-c.md": "---\nname: 丙老师\nrole: teacher\n---\n",
            // No role: its file has errors, and each record naming it is read without it.
            "tutors/t-x.md": "---\nname: 某老师\n---\n",
        ]
        for student in ["s2", "s3", "s4"] {
            files["students/\(student)/index.md"] = "---\nname: 学生\nclass: c1\ntutor: t-c\n---\n"
        }
        for student in ["s1", "s2", "s3", "s4"] {
            files["students/\(student)/2025-10-01-talk.md"] = "---\nmood: 3\n---\n谈了数学。\n"
            files["students/\(student)/2025-10-01-talk-again.md"] = "---\nmood: 3\n---\n谈了数学。\n"
            files["students/\(student)/2025-10-02-talk.md"] = "---\n---\n\(student)聊天。\n"
        }
        // The same text with other blank lines and spaces around it is the same record; another text is not.
        files["students/s2/2025-10-01-talk-again.md"] = "---\nmood: 3\n---\n\n  谈了数学。 \n\n\n"
        files["students/s1/2025-10-01-talk-other.md"] = "---\nmood: 3\n---\n谈了语文。\n"
        files["students/s1/2025-10-03-talk.md"] = "---\ntutor: t-x\n---\n聊天。\n"
        files["students/s4/2025-10-03-talk.md"] = "---\ntutor: t-x\n---\n聊天。\n"
        let checked = try await TestContent.check(adding: files)
        let duplicates = ["s1", "s2", "s3", "s4"].map { "duplicate-record students/\($0)/2025-10-01-talk.md:1:1" }
        #expect(
            checked.diagnostics.map(\.place) == duplicates + [
                "unknown-id tutors/t-x.md:1:1", "missing-field tutors/t-x.md:2:1",
            ])
        #expect(
            checked.diagnostics.first { $0.place == "duplicate-record students/s3/2025-10-01-talk.md:1:1" }?.message
                == "the same talk of 2025-10-01 is already recorded in students/s3/2025-10-01-talk-again.md; it is left out"
        )
        #expect(
            checked.diagnostics.first { $0.rule == .unknownID }?.message
                == "this file has errors, so it is left out, and 2 places naming it are read without it until it is fixed"
        )
        let records = checked.school?.records ?? []
        #expect(
            records.map(\.id)
                == ["s1", "s2", "s3", "s4"].flatMap { student in
                    let names =
                        ["2025-10-01-talk-again"] + (student == "s1" ? ["2025-10-01-talk-other"] : [])
                        + ["2025-10-02-talk"] + (["s1", "s4"].contains(student) ? ["2025-10-03-talk"] : [])
                    return names.map { "\(student)/\($0)" }
                })
        // Named none they may have: the student's tutor wrote them.
        #expect(records.filter { $0.id.hasSuffix("10-03-talk") }.map(\.tutorID) == ["t-a", "t-c"])
    }

    @Test func aStudentFolderWithoutAProfile() async throws {
        let found = try await places(["students/s2/2025-10-01-talk.md": "---\n---\n聊天。\n"])
        #expect(found == ["missing-file students/s2/index.md:1:1"])
    }

    @Test func filesOutsideTheLayoutAreNamed() async throws {
        let found = try await places([
            "notes.txt": "随手记", "students/readme.md": "x", "classes/Class A.md": "---\nname: x\n---\n",
        ])
        #expect(
            found == [
                "file-name classes/Class A.md:1:1", "unexpected-file notes.txt:1:1",
                "unexpected-file students/readme.md:1:1",
            ])
    }

    @Test func tutorAndTutorsTogether() async throws {
        let found = try await places([
            "students/s1/index.md":
                "---\nname: 学生一\nclass: c1\ntutor: t-a\ntutors: [{ tutor: t-a, from: 2025-09-01 }]\n---\n"
        ])
        // One message; the simple `tutor` is used meanwhile, so no "no tutor" follows.
        #expect(found == ["invalid-value students/s1/index.md:5:1"])
    }

    @Test func aTutorHistoryMustGoForward() async throws {
        let found = try await places([
            "tutors/t-b.md": "---\nname: 乙老师\nrole: staff\n---\n",
            "students/s1/index.md": """
            ---
            name: 学生一
            class: c1
            tutors:
              - { tutor: t-a, from: 2025-10-01 }
              - { tutor: t-b, from: 2025-09-01 }
            ---
            """,
        ])
        #expect(found == ["invalid-value students/s1/index.md:6:25", "tutor-without-students tutors/t-b.md:1:1"])
    }

    @Test func capacityCountsStudentsAtTheSameTime() async throws {
        // t-a may follow 3; the fourth student arrives only after one has left.
        var files: [String: String] = ["tutors/t-b.md": "---\nname: 乙老师\nrole: staff\n---\n"]
        for id in ["s2", "s3"] {
            files["students/\(id)/index.md"] = "---\nname: 学生\nclass: c1\ntutor: t-a\n---\n"
        }
        files["students/s4/index.md"] =
            "---\nname: 学生\nclass: c1\ntutors: [{ tutor: t-b, from: 2025-09-01 }, { tutor: t-a, from: 2025-11-01 }]\n---\n"
        files["students/s3/index.md"] =
            "---\nname: 学生\nclass: c1\ntutors: [{ tutor: t-a, from: 2025-09-01 }, { tutor: t-b, from: 2025-10-15 }]\n---\n"
        #expect(try await places(files) == [])
        files["students/s3/index.md"] = "---\nname: 学生\nclass: c1\ntutor: t-a\n---\n"
        // t-b now follows nobody: every staff member is a tutor.
        #expect(
            try await places(files) == [
                "tutor-over-capacity tutors/t-a.md:1:1", "tutor-without-students tutors/t-b.md:1:1",
            ])
    }

    @Test func aSecondSurveyAnswerOnTheSameDay() async throws {
        let checked = try await TestContent.check(adding: [
            "surveys/a.csv": "date,respondent,student,score,contacted,comment\n2025-12-01,parent,s1,4,yes,好\n",
            "surveys/b.csv": "date,respondent,student,score,contacted,comment\n2025-12-01,parent,s1,2,no,\n",
        ])
        #expect(checked.diagnostics.map(\.place) == ["duplicate-record surveys/b.csv:2:1"])
        #expect(
            checked.diagnostics.first?.message
                == "a second answer of 2025-12-01 from the parent of s1; the first is at surveys/a.csv:2, this one is left out"
        )
        #expect(checked.school?.surveys.map(\.score) == [4])
    }

    @Test func aSurveyWithTheWrongHeader() async throws {
        let found = try await places(["surveys/a.csv": "date,who,student,score,contacted,comment\n"])
        #expect(found == ["csv-header surveys/a.csv:1:1"])
    }

    @Test func aCommentWithALineBreakKeepsLaterRowsOnTheirLines() async throws {
        let found = try await places([
            "surveys/a.csv":
                "date,respondent,student,score,contacted,comment\n2025-12-01,parent,s1,4,yes,\"第一行\n第二行\"\n2025-12-02,parent,s1,0,yes,\n"
        ])
        #expect(found == ["csv-value surveys/a.csv:4:22"])
    }

    @Test func aFolderWithoutSchoolYmlSaysSoOnce() async throws {
        var files = TestContent.minimalSchool
        files["school.yml"] = nil
        let root = try TestContent.write(files)
        defer { TestContent.remove(root) }
        let checked = await TestContent.check(root)
        #expect(checked.school == nil)
        #expect(checked.diagnostics.map(\.place) == ["missing-file school.yml:1:1"])
    }

    @Test func aBrokenSchoolFileStopsEverythingWithOneMessage() async throws {
        let checked = try await TestContent.check(adding: ["school.yml": "name: 测试学校\n"])
        #expect(checked.school == nil)
        #expect(checked.diagnostics.map(\.place) == ["missing-field school.yml:1:1"])
    }
}
