import ArgumentParser
import Foundation
import GrowthKit

/// `growth new`: writes a new record (or student, tutor, class, forum) with
/// the right name and front matter, prints its path, never overwrites.
struct New: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a new record, student, tutor, class or forum file and print its path.",
        discussion: """
            growth new talk 2025101              a talk with 2025101 today (the school's calendar day)
            growth new home-visit 2025101 --date 2025-10-19 --slug mother
            growth new student 2025112 --name 王小明 --class 2025-nursing-1 --tutor t-li-hua
            growth new tutor t-xu-jing --name 徐静 --role teacher
            growth new class 2026-nursing-2 --name 2026级护理2班 --grade 2026级 --head-teacher t-li-hua
            growth new forum --topic 期中学情分析 --host t-li-hua
            growth new summary t-li-hua          a tutor's own summary of the work

            Only the path is printed, so `$EDITOR "$(growth new talk 2025101)"` opens it. \
            A school's content/templates/<type>.md replaces the built-in skeleton of a record.
            """)

    @Argument(
        help:
            "A record type (talk, report, phone-visit, home-visit, contact, observation, partner, review) or student, tutor, class, forum, summary."
    )
    var kind: String

    @Argument(
        help: "The student's id for a record, the tutor's for a summary; the new id for a student, tutor or class.")
    var id: String?

    @Option(help: "The content folder.")
    var content: String = "content"

    @Option(help: "The date (YYYY-MM-DD); default: today in the school's time zone.")
    var date: Day?

    @Option(help: "A few words for the file name, e.g. mother: 2025-10-19-home-visit-mother.md.")
    var slug: String?

    @Option(help: "The name of a new student, tutor or class.") var name: String?
    @Option(name: .customLong("class"), help: "A new student's class id.") var schoolClass: String?
    @Option(help: "A new student's tutor id.") var tutor: String?
    @Option(help: "A new student's first day at the school (YYYY-MM-DD).") var joined: Day?
    @Option(help: "A new tutor's role: teacher, head-teacher, leader or staff.") var role: String?
    @Option(help: "A new tutor's subject.") var subject: String?
    @Option(help: "A new class's grade, e.g. 2026级.") var grade: String?
    @Option(help: "A new class's major.") var major: String?
    @Option(help: "A new class's head teacher (a tutor id).") var headTeacher: String?
    @Option(help: "A new forum's topic.") var topic: String?
    @Option(help: "A new forum's host (a tutor id).") var host: String?
    @Option(parsing: .upToNextOption, help: "A new forum's attendees (tutor ids).") var attendees: [String] = []

    func run() async throws {
        let root = URL(fileURLWithPath: content)
        let (checked, _) = await ContentCheck.run(content: root, asOf: nil, sourceDateEpoch: nil)
        guard let school = checked.school else {
            report(checked.diagnostics.filter { $0.severity == .error })
            FileHandle.standardError.write(Data("growth new: school.yml could not be read; nothing was written\n".utf8))
            throw ExitCode(1)
        }
        let day = date ?? Day(Date(), in: school.settings.timezone)
        let exists = { (path: String) in FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
        }
        var fields = NewFile.Fields()
        fields.name = name
        fields.schoolClass = schoolClass
        fields.tutor = tutor
        fields.joined = joined
        fields.role = role
        fields.subject = subject
        fields.grade = grade
        fields.major = major
        fields.headTeacher = headTeacher
        fields.topic = topic
        fields.host = host
        fields.attendees = attendees
        let template = schoolSkeleton(kind, in: root)
        let result = Self.draft(kind, id, day, slug, fields, school, template, exists)
        guard case .success(let draft) = result else {
            if case .failure(let diagnostic) = result { report([diagnostic]) }
            throw ExitCode(1)
        }
        do throws(Diagnostic) {
            try draft.create(under: root.path)
        } catch {
            report([error])
            throw ExitCode(1)
        }
        if school.settings.term(containing: day) == nil, kind != "student", kind != "tutor", kind != "class" {
            FileHandle.standardError.write(
                Data("growth new: note: \(day) is in no term of school.yml; `growth check` will say so\n".utf8))
        }
        print(DiagnosticReport.path(draft.path, in: content))
    }

    static func draft(
        _ kind: String, _ id: String?, _ day: Day, _ slug: String?, _ fields: NewFile.Fields, _ school: School,
        _ template: String?, _ exists: (String) -> Bool
    ) -> Result<NewFile.Draft, Diagnostic> {
        if kind == "forum" {
            return Result { () throws(Diagnostic) in
                try NewFile.forum(date: day, slug: slug, fields, school: school, exists: exists)
            }
        }
        guard let id else {
            return .failure(.error(.missingField, at: SourceLocation(path: ""), "give the id: growth new \(kind) <id>"))
        }
        return Result { () throws(Diagnostic) in
            switch kind {
            case "student": try NewFile.student(id, fields, school: school, exists: exists)
            case "tutor": try NewFile.tutor(id, fields, school: school, exists: exists)
            case "class": try NewFile.schoolClass(id, fields, school: school, exists: exists)
            case "summary": try NewFile.summary(tutor: id, date: day, slug: slug, school: school, exists: exists)
            default:
                try NewFile.record(
                    kind, student: id, date: day, slug: slug, school: school, schoolTemplate: template, exists: exists)
            }
        }
    }

    /// The school's own skeleton of a record, `templates/<kind>.md`, when it
    /// has one. One that cannot be read as UTF-8 text is not passed over in
    /// silence: the tutor is warned and gets the built-in skeleton.
    func schoolSkeleton(_ kind: String, in root: URL) -> String? {
        let path = "templates/\(kind).md"
        let url = root.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        if let text = try? String(contentsOf: url, encoding: .utf8) { return text }
        report([
            .warning(
                .encoding, at: SourceLocation(path: path),
                "the school's skeleton cannot be read as UTF-8 text; the built-in one is used")
        ])
        return nil
    }

    /// Problems go to standard error: standard output holds only the path.
    func report(_ diagnostics: [Diagnostic]) {
        let lines = DiagnosticReport(diagnostics, fileCount: 0).lines(in: .text, folder: content)
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
