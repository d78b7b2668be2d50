import Foundation
import Testing

@testable import GrowthKit

/// `Fixtures/privacy` plants a marker in every confidential field. A staff
/// build holds none of them in any byte of any file; a leadership build
/// shows each where it belongs.
@Suite struct PrivacyTests {
    static let confidential = [
        "MARK-PHONE", "MARK-FAMILY-NOTES", "MARK-BACKGROUND", "MARK-CONFIDENTIAL-BODY", "MARK-CONFIDENTIAL-ACTION",
        "MARK-FORUM-ANALYSIS", "MARK-SURVEY-COMMENT",
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
        #expect(!student.contains("本页含未成年人个人信息"))
        #expect(!student.contains("单亲家庭"))
        // The class still counts families, below 3 as <3.
        let schoolClass = String(decoding: try #require(files["classes/c1/index.html"]), as: UTF8.self)
        #expect(schoolClass.contains("<td>单亲家庭</td><td class=\"num\">&lt;3</td>"))
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
