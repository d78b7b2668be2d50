import Foundation
import Testing

@testable import GrowthKit

/// No content path can make the output escape its folder.
@Suite struct PathSafetyTests {
    @Test func badFileNamesGetAClearError() async throws {
        let checked = try await TestContent.check(adding: [
            "students/Bad Name/index.md": "---\nname: x\nclass: c1\ntutor: t-a\n---\n",
            "tutors/T-Upper.md": "---\nname: x\nrole: teacher\n---\n",
            "classes/a..b.md": "---\nname: x\ngrade: y\nhead_teacher: t-a\n---\n",
        ])
        #expect(
            checked.diagnostics.map(\.place) == [
                "file-name classes/a..b.md:1:1", "file-name students/Bad Name/index.md:1:1",
                "file-name tutors/T-Upper.md:1:1",
            ])
        #expect(
            checked.diagnostics[1].message
                == "`Bad Name` is not a valid student id: use lower-case letters, digits, `-` and `_` only")
        #expect(checked.school?.students.map(\.id) == ["s1"])
    }

    @Test func aSymlinkOutOfTheContentFolderIsRefused() async throws {
        let outside = try TestContent.write(["secret.md": "---\nname: 外部\nrole: teacher\n---\n"])
        defer { TestContent.remove(outside) }
        let root = try TestContent.write(TestContent.minimalSchool)
        defer { TestContent.remove(root) }
        try FileManager.default.createSymbolicLink(
            at: root.appendingPathComponent("tutors/t-secret.md"),
            withDestinationURL: outside.appendingPathComponent("secret.md"))
        let checked = await TestContent.check(root)
        #expect(checked.diagnostics.map(\.place) == ["unreadable-file tutors/t-secret.md:1:1"])
        #expect(checked.diagnostics.first?.message.contains("outside the content folder") == true)
        #expect(checked.school?.tutors.map(\.id) == ["t-a"])
    }
}
