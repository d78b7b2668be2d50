import Foundation
import Testing

@testable import GrowthKit

/// `Fixtures/privacy` plants a marker in every confidential field. A staff
/// build holds none of them in any byte of any file; a leadership build
/// shows each where it belongs.
@Suite struct PrivacyTests {
    static let confidential = [
        "MARK-PHONE", "MARK-FAMILY-NOTES", "MARK-BACKGROUND", "MARK-CONFIDENTIAL-BODY", "MARK-CONFIDENTIAL-ACTION",
        "MARK-FORUM-ANALYSIS", "MARK-SURVEY-COMMENT", "MARK-CONFIDENTIAL-BODY-2", "mark-slug",
    ]
    static let open = ["MARK-OPEN-BODY", "MARK-OPEN-ACTION", "MARK-OPEN-TOPIC"]

    /// Builds the fixture with the real binary and returns every output file.
    static func build(_ audience: String) throws -> [String: Data] {
        let parent = try TestContent.temporaryFolder()
        defer { TestContent.remove(parent) }
        let output = parent.appendingPathComponent("site")
        let run = try CheckCommandTests.growth([
            "build", "--content", "Tests/GrowthKitTests/Fixtures/privacy", "--output", output.path, "--audience",
            audience, "--as-of", "2026-01-16",
        ])
        #expect(run.status == 0, "\(run.output)")
        return BuildCommandTests.snapshot(output)
    }

    @Test func aStaffBuildHoldsNoConfidentialByte() throws {
        let files = try Self.build("staff")
        #expect(files.count > 10)
        for (path, data) in files {
            let text = String(decoding: data, as: UTF8.self)
            for marker in Self.confidential { #expect(!text.contains(marker), "\(marker) in \(path)") }
        }
        let all = files.values.map { String(decoding: $0, as: UTF8.self) }.joined()
        for marker in Self.open { #expect(all.contains(marker), "\(marker) is missing") }
        let student = String(decoding: try #require(files["students/s1/index.html"]), as: UTF8.self)
        // The confidential talk is still there, counted and dated, without its text.
        #expect(student.contains("<time datetime=\"2025-09-10\">2025年9月10日</time>"))
        #expect(student.contains("保密内容，本版本不显示。"))
        #expect(student.contains("阅读范围：教职工（已移除保密内容）"))
        // The staff pages still name children: they carry the minors notice, for staff.
        #expect(student.contains("本页含未成年人个人信息，仅限本校教职工查阅，请勿转发或公开。"))
        #expect(!student.contains("单亲家庭"))
        // The class still counts families, below 3 as <3.
        let schoolClass = String(decoding: try #require(files["classes/c1/index.html"]), as: UTF8.self)
        #expect(schoolClass.contains("<td>单亲家庭</td><td class=\"num\">&lt;3</td>"))
    }

    /// A confidential talk of 09-12 is the only record with `areas: [health]`,
    /// `mood: 1` and a duration: staff must not learn any of it.
    @Test func aConfidentialRecordSaysNoMoreThanThatItExists() throws {
        let staff = try Self.build("staff")
        let all = staff.values.map { String(decoding: $0, as: UTF8.self) }.joined()
        for marker in ["健康", "状态 1/5", "45 分钟", "<td>9月12日</td><td>1</td>", "9月20日"] {
            #expect(!all.contains(marker), "\(marker) in the staff build")
        }
        let student = String(decoding: try #require(staff["students/s1/index.html"]), as: UTF8.self)
        // Still there: dated, typed, with its tutor, under an id that says nothing.
        #expect(student.contains("<li id=\"record-2025-09-12-talk-confidential-1\" class=\"record talk\">"))
        #expect(student.contains("<time datetime=\"2025-09-12\">2025年9月12日</time>"))
        // The confidential talk's overdue follow-up reaches staff only as a line on the tutor's page.
        #expect(!student.contains("<span class=\"status bad\">已逾期</span>"))
        let tutor = String(decoding: try #require(staff["tutors/t-a/index.html"]), as: UTF8.self)
        #expect(tutor.contains("有一项保密记录的跟进事项已逾期，请向该导师了解情况。"))
        #expect(tutor.contains("href=\"../../students/s1/index.html#record-2025-09-12-talk-confidential-1\""))

        let leadership = try Self.build("leadership")
        let page = String(decoding: try #require(leadership["students/s1/index.html"]), as: UTF8.self)
        #expect(page.contains("<li>健康 <span class=\"count\">1</span></li>"))
        #expect(page.contains("<span>状态 1/5</span><span>健康</span><span>45 分钟</span>"))
        #expect(page.contains("<td>9月12日</td><td>1</td>"))
        #expect(page.contains("<li id=\"record-2025-09-12-talk-mark-slug\""))
        let tutorPage = String(decoding: try #require(leadership["tutors/t-a/index.html"]), as: UTF8.self)
        #expect(!tutorPage.contains("有一项保密记录的跟进事项已逾期"))
    }

    @Test func aLeadershipBuildShowsEachWhereItBelongs() throws {
        let files = try Self.build("leadership")
        func page(_ path: String) -> String { String(decoding: files[path] ?? Data(), as: UTF8.self) }
        #expect(page("tutors/t-a/index.html").contains("MARK-PHONE-1380000"))
        #expect(page("tutors/t-a/index.html").contains("MARK-SURVEY-COMMENT"))
        let student = page("students/s1/index.html")
        for marker in ["MARK-FAMILY-NOTES", "MARK-BACKGROUND", "MARK-CONFIDENTIAL-BODY", "MARK-CONFIDENTIAL-ACTION"] {
            #expect(student.contains(marker), "\(marker)")
        }
        #expect(page("forums/index.html").contains("MARK-FORUM-ANALYSIS"))
        #expect(student.contains("本页含未成年人个人信息"))
    }
}
