import Testing

@testable import GrowthKit

/// Which file a path is, read by the byte: every folder of the layout, the
/// files it does not read, and the names it refuses.
@Suite struct ContentLayoutTests {
    static func kind(_ path: String) -> ContentFileKind? {
        guard case .success(let kind)? = ContentLayout.classify(path) else { return nil }
        return kind
    }

    static func problem(_ path: String) -> String? {
        guard case .failure(let diagnostic)? = ContentLayout.classify(path) else { return nil }
        return "\(diagnostic.severity) \(diagnostic.message)"
    }

    @Test func everyFolderOfTheLayoutIsKnown() {
        #expect(Self.kind("school.yml") == .settings)
        #expect(Self.kind("classes/c-1.md") == .schoolClass(id: "c-1"))
        #expect(Self.kind("tutors/t_a.md") == .tutor(id: "t_a"))
        #expect(Self.kind("tutors/t_a/2025-autumn.md") == .summary(tutorID: "t_a", name: "2025-autumn"))
        #expect(Self.kind("students/s1/index.md") == .student(id: "s1"))
        #expect(Self.kind("students/s1/2025-09-03-talk.md") == .record(studentID: "s1", name: "2025-09-03-talk"))
        #expect(Self.kind("forums/2025-10.md") == .forum(name: "2025-10"))
        #expect(Self.kind("surveys/parents-2025.csv") == .survey)
    }

    @Test func hiddenFilesAndSkeletonsAreNotRead() {
        #expect(ContentLayout.classify(".git/config") == nil)
        #expect(ContentLayout.classify("students/.s1/index.md") == nil)
        #expect(ContentLayout.classify("students/s1/.2025-09-03-talk.md.swp") == nil)
        #expect(ContentLayout.classify("templates/talk.md") == nil)
    }

    @Test func namesOutsideTheRulesAreSaidWhy() {
        #expect(
            Self.problem("students/S1/index.md")
                == "error `S1` is not a valid student id: use lower-case letters, digits, `-` and `_` only")
        #expect(
            Self.problem("students/s1/2025-09-03-谈心.md")
                == "error `2025-09-03-谈心` is not a valid record file name: use lower-case letters, digits, `-` and `_` only"
        )
        #expect(Self.problem("classes/-.md")?.hasPrefix("error `-` is not a valid class id") == true)
        #expect(Self.problem("tutors/t1.txt") == "warning only .md files belong in this folder; the file is not read")
        #expect(
            Self.problem("surveys/parents.xlsx") == "warning only .csv files belong in surveys/; the file is not read")
        #expect(Self.problem("templates/notes.md")?.hasPrefix("warning templates/ holds skeletons") == true)
        #expect(Self.problem("students/s1.md")?.hasPrefix("warning a student is a folder") == true)
        #expect(Self.problem("notes.md")?.hasPrefix("warning this path is not part of the content layout") == true)
        #expect(Self.problem("students/s1/photos/a.md")?.hasPrefix("warning this path is not part") == true)
    }
}
