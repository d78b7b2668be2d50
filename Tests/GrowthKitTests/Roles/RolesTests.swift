import Foundation
import Testing

@testable import GrowthKit

/// The seeds' roles and supervision: head teachers, growth partners,
/// surveys that check the records, every staff member a tutor, tutors'
/// summaries, family structures and visits kept confidential by default.
@Suite struct RolesTests {
    /// Class c1 (head teacher t-a) has students of t-a and t-b; t-c follows
    /// nobody. s1 and s2 are growth partners from 2025-09-15 to 2025-11-30.
    static let files: [String: String] = [
        "school.yml": """
        name: 测试学校
        term: { name: 第一学期, start: 2025-09-01, end: 2026-01-16 }
        policy:
          talk: { every: 2 weeks }
        survey:
          questions: { care: 关心学生, communication: 家校沟通 }
        """,
        "classes/c1.md": "---\nname: 一班\ngrade: 2025级\nhead_teacher: t-a\n---\n",
        "tutors/t-a.md": "---\nname: 甲老师\nrole: head-teacher\n---\n",
        "tutors/t-b.md": "---\nname: 乙老师\nrole: teacher\n---\n",
        "tutors/t-c.md": "---\nname: 丙老师\nrole: staff\n---\n",
        "students/s1/index.md": """
        ---
        name: 学生一
        class: c1
        tutor: t-a
        partners: [{ student: s2, from: 2025-09-15, to: 2025-11-30 }]
        family: { structure: disabled-member }
        ---
        """,
        "students/s2/index.md": "---\nname: 学生二\nclass: c1\ntutor: t-b\nfamily: { structure: disabled-member }\n---\n",
        "students/s3/index.md": "---\nname: 学生三\nclass: c1\ntutor: t-b\nfamily: { structure: disabled-member }\n---\n",
        "students/s4/index.md": "---\nname: 学生四\nclass: c1\ntutor: t-b\nfamily: { structure: single-parent }\n---\n",
        // t-a keeps up with s1; t-b writes one talk for s2 and a follow-up still open.
        "students/s1/2025-09-02-talk.md": "---\n---\n开学谈话。\n",
        "students/s1/2025-09-16-talk.md": "---\n---\n第二次谈话。\n",
        "students/s1/2025-09-30-talk.md": "---\n---\n第三次谈话。\n",
        "students/s1/2025-10-14-talk.md": "---\n---\n第四次谈话。\n",
        "students/s2/2025-09-03-talk.md":
            "---\nfollow_up: [{ action: 联系家长, due: 2025-12-20, done: false }]\n---\n谈了学习。\n",
        "students/s1/2025-10-10-partner.md": "---\n---\n两人一起整理错题本。\n",
        "students/s2/2025-11-05-partner.md": "---\n---\n一起准备演讲。\n",
        // t-b records phone calls to s2's and s3's families in October.
        "students/s2/2025-10-08-phone-visit.md": "---\n---\n给妈妈打电话。\n",
        "students/s3/2025-10-09-phone-visit.md": "---\n---\n给爸爸打电话。\n",
        "students/s3/2025-10-20-home-visit.md": "---\n---\nMARK-VISIT-HIDDEN 家里的情况。\n",
        "students/s4/2025-10-21-home-visit.md": "---\nconfidential: false\n---\nMARK-VISIT-OPEN 家长很配合。\n",
        "tutors/t-a/2025-11-20-summary.md": "---\ntitle: 谈心的三点体会\n---\nMARK-SUMMARY-OPEN 先听后说。\n",
        "tutors/t-a/2025-12-01-summary-hard-case.md":
            "---\ntitle: MARK-SUMMARY-TITLE\nconfidential: true\n---\nMARK-SUMMARY-HIDDEN 个案。\n",
        // Parents of s2 and s3 say t-b did not call in October; t-a's parent says yes.
        "surveys/2025-10.csv": """
        date,respondent,student,score,contacted,comment,method,care,communication
        2025-10-28,parent,s2,3,no,,phone,3,2
        2025-10-28,parent,s3,2,no,,questionnaire,2,
        2025-10-28,parent,s1,5,yes,,phone,5,4
        2025-10-28,student,s1,4,yes,,questionnaire,4,4
        """,
    ]

    static func build(
        _ files: [String: String] = files, audience: Audience = .leadership
    ) async throws -> (CheckedContent, [String: String]) {
        let root = try TestContent.write(files)
        defer { TestContent.remove(root) }
        let checked = await TestContent.check(root, asOf: day("2025-12-10"))
        let school = try #require(checked.school)
        let site = SiteBuilder.build(school: school, asOf: day("2025-12-10"), audience: audience)
        return (checked, site.files.mapValues { String(decoding: $0, as: UTF8.self) })
    }

    @Test func theContentChecksWithOnlyTheStaffMemberWithoutStudentsNamed() async throws {
        let (checked, _) = try await Self.build()
        #expect(
            checked.diagnostics.map { "\($0.place)" } == [
                "tutor-without-students tutors/t-c.md:1:1"
            ])
        #expect(
            checked.diagnostics.first?.message
                == "t-c follows no student on 2025-12-10: every staff member is a tutor; give them students with `tutor: t-c` (or `left:` if they have left)"
        )
    }

    @Test func theHeadTeacherSeesEveryTutorOfTheClass() async throws {
        let (_, pages) = try await Self.build()
        let schoolClass = try #require(pages["classes/c1/index.html"])
        #expect(schoolClass.contains("<h2>一班 · 本班导师 (2)</h2>"))
        // t-a: s1, talks every two weeks until 10-14, then none: 4 of 7 closed periods.
        #expect(
            schoolClass.contains(
                "<tr><td><a href=\"../../tutors/t-a/index.html\">甲老师</a></td><td class=\"num\">1</td><td class=\"num\"><span class=\"status bad\">57%</span></td><td class=\"num\">1</td><td class=\"num\">0</td></tr>"
            ))
        // t-b: s2, s3, s4, one talk among them; one follow-up open.
        #expect(
            schoolClass.contains(
                "<tr><td><a href=\"../../tutors/t-b/index.html\">乙老师</a></td><td class=\"num\">3</td><td class=\"num\"><span class=\"status bad\">5%</span></td><td class=\"num\">3</td><td class=\"num\">1</td></tr>"
            ))
        let head = try #require(pages["tutors/t-a/index.html"])
        #expect(head.contains("<h2>一班 · 本班导师 (2)</h2>"))
        #expect(!(try #require(pages["tutors/t-b/index.html"])).contains("本班导师"))
    }

    @Test func partnersHaveDatesTheirActivitiesAndAPairsList() async throws {
        let (checked, pages) = try await Self.build()
        let s1 = try #require(checked.school?.students.first { $0.id == "s1" })
        #expect(s1.partners == [Partnership(student: "s2", from: day("2025-09-15"), to: day("2025-11-30"))])
        #expect(s1.partner(on: day("2025-10-01")) == "s2")
        #expect(s1.partner(on: day("2025-12-01")) == nil)
        let schoolClass = try #require(pages["classes/c1/index.html"])
        #expect(schoolClass.contains("<h2>成长伙伴 (1)</h2>"))
        // The activity written in s2's folder counts for the pair too.
        #expect(
            schoolClass.contains(
                "<td><a href=\"../../students/s1/index.html\">学生一</a></td><td><a href=\"../../students/s2/index.html\">学生二</a></td><td>2025年9月15日–2025年11月30日</td><td class=\"num\">2</td><td>11月5日</td>"
            ))
        let dashboard = try #require(pages["index.html"])
        // On the as-of date the pairing has ended.
        #expect(
            dashboard.contains(
                "<span class=\"value\">0</span><span class=\"label\">成长伙伴（对）</span><span class=\"hint\">本学期伙伴活动2次</span>"
            ))
        let growthFile = try #require(pages["students/s1/index.html"])
        #expect(growthFile.contains("<dt>成长伙伴记录</dt><dd>学生二（2025年9月15日–2025年11月30日）</dd>"))
        #expect(growthFile.contains("<span class=\"type\">伙伴活动</span>"))
    }

    @Test func partnerMistakesAreNamedWhereTheyAre() async throws {
        var files = Self.files
        files["students/s3/index.md"] = """
            ---
            name: 学生三
            class: c1
            tutor: t-b
            partners:
              - { student: s3 }
              - { student: s9, from: 2025-09-01 }
              - { student: s4, from: 2025-10-01, to: 2025-09-01 }
            ---
            """
        files["students/s4/index.md"] = """
            ---
            name: 学生四
            class: c1
            tutor: t-b
            partners:
              - { student: s1, from: 2025-09-01 }
              - { student: s2, from: 2025-10-01 }
            ---
            """
        files["students/s4/2025-09-05-partner.md"] = "---\n---\n一起复习。\n"
        files["students/s2/2025-12-05-partner.md"] = "---\n---\n一起复习。\n"
        let (checked, _) = try await Self.build(files)
        #expect(
            checked.diagnostics.map { "\($0.place) \($0.message)" } == [
                "no-partner students/s2/2025-12-05-partner.md:1:1 s2 had no growth partner on 2025-12-05: add one to `partners` in students/s2/index.md; the activity counts for no pair",
                "invalid-value students/s3/index.md:6:16 a student cannot be their own growth partner",
                "unknown-id students/s3/index.md:7:16 no student has the id `s9` (there is no students/s9/index.md)",
                "invalid-value students/s3/index.md:8:42 `to: 2025-09-01` is before `from: 2025-10-01`: a pairing ends after it starts; it is left out",
                "invalid-value students/s4/index.md:7:20 this pairing overlaps the one before it: give the earlier one a `to:` before this `from:`; it is left out",
                "tutor-without-students tutors/t-c.md:1:1 t-c follows no student on 2025-12-10: every staff member is a tutor; give them students with `tutor: t-c` (or `left:` if they have left)",
            ])
    }

    @Test func parentsWhoSayNoAgainstRecordedCallsFlagTheTutor() async throws {
        let (checked, pages) = try await Self.build()
        let s2 = try #require(checked.school?.surveys.first { $0.studentID == "s2" })
        #expect(s2.method == .phone)
        #expect(s2.questions == ["care": 3, "communication": 2])
        let evaluation = try #require(pages["evaluation/index.html"])
        #expect(evaluation.contains("<h2>家长回访核对</h2>"))
        // t-b: two parent answers, one by phone and one by questionnaire, neither
        // says contacted; both months have a recorded call: flagged.
        #expect(
            evaluation.contains(
                "<tr><td><a href=\"../tutors/t-b/index.html\">乙老师</a> <span class=\"status bad\">记录与家长说法不符</span></td><td class=\"num\">2</td><td class=\"num\">1/1</td><td class=\"num\">0（0%）</td><td class=\"num\">2</td><td class=\"num\">2</td></tr>"
            ))
        // t-a: the parent says contacted, no visit recorded: nothing to flag.
        #expect(
            evaluation.contains(
                "<tr><td><a href=\"../tutors/t-a/index.html\">甲老师</a></td><td class=\"num\">1</td><td class=\"num\">1/0</td><td class=\"num\">1（100%）</td><td class=\"num\">0</td><td class=\"num\">0</td></tr>"
            ))
        // The questions' means: a blank answer does not count.
        #expect(
            evaluation.contains(
                "<thead><tr><th scope=\"col\">导师</th><th scope=\"col\">关心学生</th><th scope=\"col\">家校沟通</th></tr></thead>"
            ))
        #expect(
            evaluation.contains(
                "<tr><td><a href=\"../tutors/t-b/index.html\">乙老师</a></td><td class=\"num\">2.5</td><td class=\"num\">2.0</td></tr>"
            ))
    }

    @Test func aQuestionColumnSchoolYmlDoesNotNameIsReported() async throws {
        var files = Self.files
        files["surveys/2025-11.csv"] =
            "date,respondent,student,score,contacted,comment,kindness\n2025-11-20,parent,s1,4,yes,,5\n"
        let (checked, _) = try await Self.build(files)
        #expect(
            checked.diagnostics.map { "\($0.place) \($0.message)" }.first
                == "csv-header surveys/2025-11.csv:1:49 school.yml names no survey question `kindness` (`survey: { questions: { kindness: … } }`); the column is not read"
        )
        #expect(checked.school?.surveys.first { $0.date == day("2025-11-20") }?.questions == [:])
    }

    @Test func aSummaryIsOnTheTutorPageAndStaffReadItUnlessConfidential() async throws {
        let (_, leadership) = try await Self.build()
        let page = try #require(leadership["tutors/t-a/index.html"])
        #expect(page.contains("<h2>工作总结</h2>"))
        #expect(page.contains("<span class=\"type\">谈心的三点体会</span>"))
        #expect(page.contains("MARK-SUMMARY-OPEN"))
        #expect(page.contains("MARK-SUMMARY-HIDDEN"))
        // Newest first.
        #expect(page.range(of: "MARK-SUMMARY-HIDDEN")!.lowerBound < page.range(of: "MARK-SUMMARY-OPEN")!.lowerBound)

        let (_, staff) = try await Self.build(audience: .staff)
        let staffPage = try #require(staff["tutors/t-a/index.html"])
        #expect(staffPage.contains("MARK-SUMMARY-OPEN"))
        #expect(
            staffPage.contains(
                "<time datetime=\"2025-12-01\">2025年12月1日</time> <span class=\"tag confidential\">保密</span>"))
        for (path, text) in staff {
            #expect(!text.contains("MARK-SUMMARY-HIDDEN") && !text.contains("MARK-SUMMARY-TITLE"), "\(path)")
        }
    }

    @Test func theDashboardCountsFamiliesAndListsStaffWithoutStudents() async throws {
        let (_, pages) = try await Self.build(audience: .staff)
        let dashboard = try #require(pages["index.html"])
        #expect(dashboard.contains("<td>家有残疾成员</td><td class=\"num\">3</td>"))
        #expect(dashboard.contains("<td>单亲家庭</td><td class=\"num\">&lt;3</td>"))
        #expect(dashboard.contains("<h2>未带学生的教职工 (1)</h2>"))
        #expect(dashboard.contains("<li><a href=\"tutors/t-c/index.html\">丙老师</a></li>"))
    }

    @Test func homeVisitsAreHiddenFromStaffUnlessTheRecordSaysOtherwise() async throws {
        let (_, staff) = try await Self.build(audience: .staff)
        let all = staff.values.joined()
        #expect(!all.contains("MARK-VISIT-HIDDEN"))
        #expect(all.contains("MARK-VISIT-OPEN"))
        let (_, leadership) = try await Self.build()
        #expect(leadership.values.joined().contains("MARK-VISIT-HIDDEN"))

        // A school may decide otherwise for every record of a kind.
        var files = Self.files
        files["school.yml"] = files["school.yml"]!.replacingOccurrences(
            of: "  talk: { every: 2 weeks }\n", with: "  talk: { every: 2 weeks }\n  confidential_by_default: []\n")
        let (checked, open) = try await Self.build(files, audience: .staff)
        #expect(checked.diagnostics.count == 1, "\(checked.diagnostics)")
        #expect(open.values.joined().contains("MARK-VISIT-HIDDEN"))
    }

    /// A pair that splits and forms again is a row per period, and an activity
    /// of the later period counts for it.
    @Test func aPairThatFormsAgainCountsItsLaterActivity() async throws {
        var files = Self.files
        files["students/s1/index.md"] = """
            ---
            name: 学生一
            class: c1
            tutor: t-a
            partners:
              - { student: s2, to: 2025-10-15 }
              - { student: s3, from: 2025-10-16, to: 2025-11-15 }
              - { student: s2, from: 2025-11-16 }
            ---
            """
        files["students/s1/2025-12-01-partner.md"] = "---\n---\n又在一起复习。\n"
        let (checked, pages) = try await Self.build(files)
        // s2's activity of 11-05 falls between the two periods: it counts for no pair.
        #expect(
            checked.diagnostics.filter { $0.rule == .noPartner }.map(\.place) == [
                "no-partner students/s2/2025-11-05-partner.md:1:1"
            ])
        let schoolClass = try #require(pages["classes/c1/index.html"])
        #expect(schoolClass.contains("<h2>成长伙伴 (3)</h2>"))
        #expect(schoolClass.contains("<td>2025年11月16日起</td><td class=\"num\">1</td><td>12月1日</td>"))
    }

    /// Only school.yml says which columns are questions: another column's
    /// text loses no answer, a question's bad value is an error at its cell.
    @Test func aColumnThatIsNoQuestionLosesNoAnswer() async throws {
        var files = Self.files
        files["surveys/2025-11.csv"] =
            "date,respondent,student,score,contacted,comment,notes,care\n"
            + "2025-11-20,parent,s1,4,yes,,打了两次电话,\n2025-11-21,parent,s4,4,yes,,,9\n"
        let (checked, _) = try await Self.build(files)
        let school = try #require(checked.school)
        #expect(school.surveys.contains { $0.date == day("2025-11-20") && $0.studentID == "s1" })
        #expect(!school.surveys.contains { $0.date == day("2025-11-21") })
        #expect(
            checked.diagnostics.filter { $0.location.path == "surveys/2025-11.csv" }.map { "\($0.place) \($0.message)" }
                == [
                    "csv-header surveys/2025-11.csv:1:49 school.yml names no survey question `notes` (`survey: { questions: { notes: … } }`); the column is not read",
                    "csv-value surveys/2025-11.csv:3:30 `care` `9` must be a whole number from 1 to 5; the answer is left out",
                ])
    }
}
