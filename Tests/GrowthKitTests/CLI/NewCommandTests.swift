import Foundation
import Testing

@testable import GrowthKit

/// `growth new` as a tutor uses it: one command, then an editor.
@Suite struct NewCommandTests {
    /// A copy of `Fixtures/terms` to write into.
    static func content() throws -> URL {
        try TestContent.write(try TestContent.read(TestContent.fixture("terms")))
    }

    static func new(_ arguments: [String], in root: URL) throws -> TestProcess {
        try CheckCommandTests.growth(["new"] + arguments + ["--content", root.path])
    }

    static func text(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test(arguments: RecordType.allCases) func everyTypeWritesAFileThatChecksClean(type: RecordType) throws {
        let root = try Self.content()
        defer { TestContent.remove(root) }
        if type == .partner {
            // A partner activity is of a pair.
            try "---\nname: 学生一\nclass: c1\ntutor: t-a\nkey: [2025-2]\npartner: s2\n---\n".write(
                to: root.appendingPathComponent("students/s1/index.md"), atomically: true, encoding: .utf8)
        }
        let run = try Self.new([type.rawValue, "s1", "--date", "2025-12-03"], in: root)
        #expect(run.status == 0, "\(run.output)")
        let path = root.path + "/students/s1/2025-12-03-\(type.rawValue).md"
        // Standard output is the path alone, so `$EDITOR "$(growth new …)"` works.
        #expect(run.output == path + "\n")
        let text = try Self.text(path)
        #expect(text.hasPrefix("---\ntutor: t-a\n"))
        #expect(text.contains("# mood: 3"))
        // Visits to a family are confidential unless the tutor says otherwise.
        let byDefault = type == .phoneVisit || type == .homeVisit
        #expect(text.contains(byDefault ? "# confidential: false    # 这类记录默认保密" : "# confidential: true"))
        let headings: [RecordType: String] = [
            .talk: "## 谈话主题", .report: "## 学习情况", .phoneVisit: "## 家长关心的问题", .homeVisit: "## 参与人员",
            .contact: "## 沟通对象", .observation: "## 看到的情况", .partner: "## 一起做了什么", .review: "## 跟踪决定",
        ]
        #expect(text.contains(headings[type]!))
        if type == .review { #expect(text.contains("\neffect: 3 ")) }
        let check = try CheckCommandTests.growth(["check", "--content", root.path, "--as-of", "2025-12-10"])
        #expect(!check.output.contains("2025-12-03-\(type.rawValue)"), "\(check.output)")
    }

    @Test func aSecondRecordTheSameDayGetsAFreeSlugAndNothingIsOverwritten() throws {
        let root = try Self.content()
        defer { TestContent.remove(root) }
        let first = try Self.new(["talk", "s2", "--date", "2025-11-05"], in: root)
        try "---\ntutor: t-a\n---\n早上的谈话。\n".write(toFile: first.lines[0], atomically: true, encoding: .utf8)
        let second = try Self.new(["talk", "s2", "--date", "2025-11-05"], in: root)
        let third = try Self.new(["talk", "s2", "--date", "2025-11-05"], in: root)
        #expect(second.lines == [root.path + "/students/s2/2025-11-05-talk-2.md"])
        #expect(third.lines == [root.path + "/students/s2/2025-11-05-talk-3.md"])
        #expect(try Self.text(first.lines[0]).contains("早上的谈话。"))
        let slugged = try Self.new(["home-visit", "s2", "--date", "2025-11-06", "--slug", "mother"], in: root)
        #expect(slugged.lines == [root.path + "/students/s2/2025-11-06-home-visit-mother.md"])
    }

    @Test func aSchoolsOwnSkeletonWins() throws {
        let root = try Self.content()
        defer { TestContent.remove(root) }
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try "---\ntutor: {{tutor}}\nmood: 3\n---\n\n## 本校谈话要点（{{name}}，{{date}}）\n\n（请填写）\n".write(
            to: root.appendingPathComponent("templates/talk.md"), atomically: true, encoding: .utf8)
        let run = try Self.new(["talk", "s4", "--date", "2025-11-20"], in: root)
        #expect(run.status == 0)
        #expect(try Self.text(run.lines[0]) == "---\ntutor: t-c\nmood: 3\n---\n\n## 本校谈话要点（学生四，2025-11-20）\n\n（请填写）\n")
        // The skeleton folder is not content: check reads it as nothing.
        let check = try CheckCommandTests.growth(["check", "--content", root.path, "--as-of", "2025-12-10"])
        #expect(!check.output.contains("templates/"))
    }

    /// A skeleton saved in another encoding (GBK, say) is not passed over in
    /// silence: the tutor is warned, and still gets a record to write.
    @Test func aSkeletonThatIsNotUTF8IsReportedAndTheBuiltInOneUsed() throws {
        let root = try Self.content()
        defer { TestContent.remove(root) }
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("templates"), withIntermediateDirectories: true)
        // "谈话" in GBK: not UTF-8.
        try Data([0x2D, 0x2D, 0x2D, 0x0A, 0xCC, 0xB8, 0xBB, 0xB0, 0x0A]).write(
            to: root.appendingPathComponent("templates/talk.md"))
        let run = try Self.new(["talk", "s4", "--date", "2025-11-20"], in: root)
        #expect(run.status == 0)
        let path = root.path + "/students/s4/2025-11-20-talk.md"
        #expect(
            run.lines == [
                "\(root.path)/templates/talk.md:1:1: warning: the school's skeleton cannot be read as UTF-8 text; the built-in one is used [encoding]",
                path,
            ], "\(run.output)")
        #expect(try Self.text(path).contains("## 谈话主题"))
    }

    @Test func anUnknownStudentOrTypeIsRefusedLikeCheckSaysIt() throws {
        let root = try Self.content()
        defer { TestContent.remove(root) }
        let student = try Self.new(["talk", "s99", "--date", "2025-11-20"], in: root)
        #expect(student.status == 1)
        #expect(
            student.output
                == "\(root.path)/students/s99/2025-11-20-talk.md:1:1: error: no student has the id `s99` (there is no students/s99/index.md) [unknown-id]\n"
        )
        let type = try Self.new(["chat", "s1", "--date", "2025-11-20"], in: root)
        #expect(type.status == 1)
        #expect(type.output.contains("error: `chat` is not a record type; use one of talk, report,"))
        #expect(!FileManager.default.fileExists(atPath: root.path + "/students/s99"))
    }

    /// A disk that fills up mid-write, played by a file-size limit of zero
    /// (its signal ignored, as a full disk sends none): the tutor is told,
    /// and no empty or half-written record is left to be taken for the whole.
    @Test func aWriteThatFailsSaysSoAndLeavesNoFile() throws {
        let root = try Self.content()
        defer { TestContent.remove(root) }
        let growth = CheckCommandTests.productsFolder.appendingPathComponent("growth").path
        let run = try TestProcess.run(
            URL(fileURLWithPath: "/bin/sh"),
            [
                "-c", "trap '' XFSZ; ulimit -f 0; exec \"$0\" \"$@\"", growth,
                "new", "talk", "s1", "--date", "2025-12-03", "--content", root.path,
            ])
        let path = root.path + "/students/s1/2025-12-03-talk.md"
        #expect(run.status == 1)
        #expect(run.lines == ["\(path):1:1: error: cannot create the file: File too large [output]"], "\(run.output)")
        #expect(!FileManager.default.fileExists(atPath: path))
        // Nothing else was lost: the student's other files are as they were.
        #expect(FileManager.default.fileExists(atPath: root.path + "/students/s1/index.md"))
    }

    @Test func theDefaultDateIsTheSchoolsCalendarDay() throws {
        let root = try Self.content()
        defer { TestContent.remove(root) }
        let today = Day(Date(), in: "Asia/Shanghai")
        let run = try CheckCommandTests.growth(
            ["new", "observation", "s1", "--content", root.path], environment: ["TZ": "America/Los_Angeles"])
        #expect(run.lines.last == "\(root.path)/students/s1/\(today.iso)-observation.md")
    }

    @Test func studentsTutorsClassesAndForums() throws {
        let root = try Self.content()
        defer { TestContent.remove(root) }
        let student = try Self.new(
            ["student", "s9", "--name", "新同学", "--class", "c1", "--tutor", "t-c", "--joined", "2025-11-03"], in: root)
        #expect(student.lines == [root.path + "/students/s9/index.md"])
        #expect(
            try Self.text(student.lines[0]).hasPrefix("---\nname: 新同学\nclass: c1\ntutor: t-c\njoined: 2025-11-03\n"))
        let tutor = try Self.new(["tutor", "t-e", "--name", "戊老师", "--subject", "数学"], in: root)
        #expect(try Self.text(tutor.lines[0]).hasPrefix("---\nname: 戊老师\nrole: teacher\nsubject: 数学\n"))
        let schoolClass = try Self.new(
            ["class", "c2", "--name", "二班", "--grade", "2025级", "--head-teacher", "t-e"], in: root)
        #expect(schoolClass.status == 0, "\(schoolClass.output)")
        #expect(try Self.text(schoolClass.lines[0]).hasPrefix("---\nname: 二班\ngrade: 2025级\nhead_teacher: t-e\n"))
        let again = try Self.new(["student", "s9", "--name", "重复", "--class", "c1", "--tutor", "t-c"], in: root)
        #expect(again.status == 1)
        #expect(
            again.output.contains("students/s9/index.md already exists; growth new never overwrites [duplicate-id]"))
        let forum = try Self.new(
            ["forum", "--date", "2025-11-28", "--topic", "期中学情", "--host", "t-a", "--attendees", "t-c"], in: root)
        #expect(try Self.text(forum.lines[0]).hasPrefix("---\ntopic: 期中学情\nhost: t-a\nattendees: [t-a, t-c]\n"))
        let check = try CheckCommandTests.growth(["check", "--content", root.path, "--as-of", "2025-12-10"])
        for path in ["students/s9/index.md", "classes/c2.md", "forums/2025-11-28.md"] {
            #expect(!check.output.contains(path), "\(check.output)")
        }
        // A new tutor checks clean but for the reminder that every staff member follows students.
        #expect(
            check.output.split(separator: "\n").map(String.init).filter { $0.contains("tutors/t-e.md") } == [
                root.path
                    + "/tutors/t-e.md:1:1: warning: t-e follows no student on 2025-12-10: every staff member is a tutor; give them students with `tutor: t-e` (or `left:` if they have left) [tutor-without-students]"
            ])
    }

    @Test func aTutorsSummaryInTheTutorsFolder() async throws {
        let root = try Self.content()
        defer { TestContent.remove(root) }
        let run = try Self.new(["summary", "t-a", "--date", "2025-12-05"], in: root)
        #expect(run.lines == [root.path + "/tutors/t-a/2025-12-05-summary.md"], "\(run.output)")
        #expect(try Self.text(run.lines[0]).hasPrefix("---\ntitle: （总结的题目）\n# confidential: true"))
        #expect(try Self.new(["summary", "t-a", "--date", "2025-12-05"], in: root).lines[0].hasSuffix("-summary-2.md"))
        let unknown = try Self.new(["summary", "t-x"], in: root)
        #expect(unknown.status == 1)
        #expect(unknown.output.contains("no tutor has the id `t-x` (there is no tutors/t-x.md) [unknown-id]"))
        let check = try CheckCommandTests.growth(["check", "--content", root.path, "--as-of", "2025-12-10"])
        #expect(!check.output.contains("summary"), "\(check.output)")
        let checked = try #require(await TestContent.check(root, asOf: day("2025-12-10")).school)
        #expect(checked.summaries.map(\.id) == ["t-a/2025-12-05-summary", "t-a/2025-12-05-summary-2"])
    }
}
