import Foundation
import Testing

@testable import GrowthKit

/// Each file kind of SPEC §2, read from `Fixtures/small-school` into the model.
@Suite struct SmallSchoolTests {
    let school: School

    init() async throws {
        let checked = await TestContent.check(TestContent.fixture("small-school"))
        #expect(checked.diagnostics.map(\.description) == [])
        school = try #require(checked.school)
    }

    private func day(_ iso: String) -> Day { Day(iso: iso)! }

    @Test func schoolSettings() {
        let settings = school.settings
        #expect(settings.name == "示例职业学校")
        #expect(settings.locale == .zhCN)
        #expect(settings.timezone == "Asia/Shanghai")
        // A single `term:` is a list of one, its id made from its start.
        #expect(
            settings.terms == [
                Term(id: "2025-1", name: "2025–2026学年第一学期", start: day("2025-09-01"), end: day("2026-01-16"))
            ])
        let policy = settings.policy
        #expect(policy.appliesTo == .all)
        #expect(
            policy.records == [.talk: .weeks(2), .report: .months(1), .phoneVisit: .months(1), .homeVisit: .term])
        #expect(policy.forum == .months(1))
        #expect(policy.maxStudentsPerTutor == 2)
        #expect(policy.graceDays == 3)
        #expect(settings.evaluation.weights == .init(records: 0.5, parents: 0.2, students: 0.2, forums: 0.1))
        #expect(settings.evaluation.grades == .init(excellent: 90, good: 75, pass: 60))
        #expect(settings.evaluation.commendTop == 1)
    }

    @Test func classes() throws {
        let schoolClass = try #require(school.classes.first)
        #expect(school.classes.count == 1)
        #expect(schoolClass.id == "2025-nursing-1")
        #expect(schoolClass.name == "2025级护理1班")
        #expect(schoolClass.grade == "2025级")
        #expect(schoolClass.major == "护理")
        #expect(schoolClass.headTeacher == "t-wang")
        #expect(schoolClass.description.html == "<p>全班 3 人，住校为主。</p>\n")
    }

    @Test func tutors() {
        #expect(school.tutors.map(\.id) == ["t-li", "t-wang"])
        let wang = school.tutors[1]
        #expect(wang.name == "王芳")
        #expect(wang.role == .headTeacher)
        #expect(wang.subject == "语文")
        #expect(wang.phone.read(.counting) == "138 0000 0001")
        #expect(wang.bio.rendered.summary == "班主任，从教十二年。")
        let li = school.tutors[0]
        #expect(li.role == .teacher)
        #expect(li.subject == nil)
        #expect(li.bio.isEmpty)
    }

    @Test func studentWithOneTutor() throws {
        let student = try #require(school.students.first { $0.id == "2025001" })
        #expect(student.name == "张小雨")
        #expect(student.classID == "2025-nursing-1")
        #expect(student.tutors.map(\.tutor) == ["t-wang"])
        #expect(student.tutor(on: day("2025-12-01")) == "t-wang")
        #expect(student.partners == [Partnership(student: "2025002")])
        #expect(student.key == .every)
        #expect(student.family.read(.counting) == FamilyCircumstances(structure: .singleParent, notes: "母亲在外地务工"))
        #expect(student.background.read(.counting)?.rendered.summary == "由奶奶照顾，性格内向。")
    }

    @Test func studentWithTutorHistory() throws {
        let student = try #require(school.students.first { $0.id == "2025002" })
        #expect(
            student.tutors == [
                TutorAssignment(tutor: "t-wang", from: day("2025-09-01")),
                TutorAssignment(tutor: "t-li", from: day("2025-11-03")),
            ])
        #expect(student.tutor(on: day("2025-11-02")) == "t-wang")
        #expect(student.tutor(on: day("2025-11-03")) == "t-li")
        #expect(student.key == .none)
        #expect(student.family == .none)
    }

    @Test func talkRecordFromFileNameAndFrontMatter() throws {
        let talk = try #require(school.records.first { $0.studentID == "2025001" && $0.type == .talk })
        #expect(talk.date == day("2025-09-10"))
        #expect(talk.said.slug == nil)
        #expect(talk.tutorID == "t-wang")  // the student's tutor on that date
        #expect(talk.said.mood == 2)
        #expect(talk.said.areas == [.study, .family])
        #expect(talk.said.duration == 30)
        #expect(talk.isConfidential)
        #expect(
            talk.said.followUps.map { "\($0.action) \($0.due?.iso ?? "-") \($0.done)" } == [
                "与数学老师沟通作业情况 2025-09-19 false", "联系奶奶 2025-09-15 true",
            ])
        #expect(talk.said.body.rendered.summary == "开学第二周，她说想家，晚上睡不好。")
        #expect(talk.said.body.html.contains("<strong>想家</strong>"))
        #expect(talk.said.body.html.contains("<li>约定每周三放学后再聊一次</li>"))
    }

    @Test func recordTypeWithHyphenAndSlug() throws {
        let call = try #require(school.records.first { $0.type == .phoneVisit })
        #expect(call.date == day("2025-09-20"))
        #expect(call.said.slug == "mother")
        // Phone visits are confidential by default (policy.confidential_by_default).
        #expect(call.isConfidential)
        #expect(call.said.areas == [])
    }

    @Test func frontMatterOverridesDateAndType() throws {
        let record = try #require(school.records.first { $0.studentID == "2025002" })
        #expect(record.date == day("2025-09-30"))
        #expect(record.type == .observation)
        #expect(record.tutorID == "t-li")
        #expect(record.said.body.rendered.headings == ["国庆前"])
        #expect(record.said.body.rendered.summary == "实训课表现积极。")
    }

    @Test func forum() throws {
        let forum = try #require(school.forums.first)
        #expect(school.forums.count == 1)
        #expect(forum.date == day("2025-09-26"))
        #expect(forum.topic == "新生适应")
        #expect(forum.host == "t-wang")
        #expect(forum.attendees == ["t-wang", "t-li"])
        #expect(forum.cases == ["2025001"])
        #expect(forum.analysis.read(.counting)?.rendered.headings == ["案例一"])
    }

    @Test func surveyRows() {
        #expect(
            school.surveys.map { "\($0.date) \($0.respondent) \($0.studentID) \($0.score) \($0.contacted)" } == [
                "2025-12-10 parent 2025001 5 true", "2025-12-10 student 2025003 3 false",
            ])
        #expect(school.surveys.first?.comment.read(.counting) == "老师很负责, 经常联系")
        #expect(school.surveys.first?.source.line == 2)
    }
}
