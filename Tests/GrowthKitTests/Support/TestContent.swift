import Foundation
import Testing

@testable import GrowthKit

/// Content folders for tests: the fixtures on disk, or small ones written to a
/// temporary folder from a dictionary of path → text.
enum TestContent {
    /// The package root, found from this file's place in `Tests/GrowthKitTests/Support`.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func fixture(_ name: String) -> URL {
        packageRoot.appendingPathComponent("Tests/GrowthKitTests/Fixtures/\(name)")
    }

    /// A fresh temporary folder, removed by the caller with `remove(_:)`.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("growth-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes each file (UTF-8 text) under a new temporary folder.
    static func write(_ files: [String: String]) throws -> URL {
        try write(files.mapValues { Array($0.utf8) })
    }

    static func write(_ files: [String: [UInt8]]) throws -> URL {
        let root = try temporaryFolder()
        for (path, bytes) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        return root
    }

    /// Every file under `root`, by relative path: a fixture to copy and change.
    static func read(_ root: URL) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let base = root.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: base) else { return files }
        while let path = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isFolder)
            if !isFolder.boolValue { files[path] = Array(try Data(contentsOf: root.appendingPathComponent(path))) }
        }
        return files
    }

    static func remove(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
    }

    /// Checks a content folder as `growth check` does, with a fixed clock.
    static func check(
        _ root: URL, asOf: Day? = nil, sourceDateEpoch: String? = nil, now: Date = fixedNow
    ) async -> CheckedContent {
        await ContentCheck.run(content: root, asOf: asOf, sourceDateEpoch: sourceDateEpoch, now: now).0
    }

    /// Checks files written to a temporary folder on top of a minimal valid school.
    static func check(
        adding files: [String: String], asOf: Day? = nil, sourceDateEpoch: String? = nil, now: Date = fixedNow
    ) async throws -> CheckedContent {
        let root = try write(minimalSchool.merging(files) { _, new in new })
        defer { remove(root) }
        return await check(root, asOf: asOf, sourceDateEpoch: sourceDateEpoch, now: now)
    }

    /// 2026-11-23 12:00 UTC: after the fixtures' terms, so the site shows the last as of its end.
    static let fixedNow = Date(timeIntervalSince1970: 1_795_435_200)

    /// One class, one tutor, one student: the smallest school that checks clean.
    static let minimalSchool: [String: String] = [
        "school.yml": """
        name: 测试学校
        term: { name: 第一学期, start: 2025-09-01, end: 2026-01-16 }
        policy:
          talk: { every: 2 weeks }
          max_students_per_tutor: 3
        """,
        "classes/c1.md": "---\nname: 一班\ngrade: 2025级\nhead_teacher: t-a\n---\n",
        "tutors/t-a.md": "---\nname: 甲老师\nrole: teacher\n---\n",
        "students/s1/index.md": "---\nname: 学生一\nclass: c1\ntutor: t-a\n---\n",
    ]
}

extension Diagnostic {
    /// `rule path:line:column`, the part of a diagnostic tests compare.
    var place: String { "\(rule.rawValue) \(location)" }
}
