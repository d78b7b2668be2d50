import Foundation
import Testing

@testable import GrowthKit

/// The folders below the top two levels are listed by the workers that read
/// them; the files still come back in path order, every one of them.
@Suite struct ContentReaderTests {
    @Test func filesComeBackInPathOrderWhoeverListedThem() async throws {
        var files = TestContent.minimalSchool
        // `s1-b/` sorts before `s1/` (`-` before `/`), and both after `s1.md`'s place.
        for student in ["s1-b", "s1", "s2", "a"] {
            files["students/\(student)/index.md"] = "---\nname: 学生\nclass: c1\ntutor: t-a\n---\n"
            files["students/\(student)/2025-10-01-talk.md"] = "---\n---\n谈心。\n"
        }
        files["students/s2/notes/old.md"] = "---\n---\n旧的。\n"
        let root = try TestContent.write(files)
        defer { TestContent.remove(root) }
        let read = await ContentReader.read(root)
        let paths = read.files.map(\.path)
        #expect(paths == paths.sorted())
        #expect(Set(paths).isSuperset(of: files.keys.filter { $0.hasSuffix(".md") && !$0.contains("/notes/") }))
        // A folder inside a student's is listed too, and reported as out of place.
        #expect(read.diagnostics.map(\.location.path).contains("students/s2/notes/old.md"))
        #expect(paths.firstIndex(of: "students/s1-b/index.md")! < paths.firstIndex(of: "students/s1/index.md")!)
    }
}
