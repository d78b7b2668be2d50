import Foundation
import Testing

@testable import GrowthKit

/// The old site is removed after a swap by two workers at once: the whole
/// folder goes, at any depth, and nothing a link inside it points at.
@Suite struct RemoveTreeTests {
    @Test func theFolderGoesAndWhatItsLinksNameStays() throws {
        let root = try TestContent.temporaryFolder()
        defer { TestContent.remove(root) }
        let outside = root.appendingPathComponent("outside")
        let site = root.appendingPathComponent("site")
        var files: [String: String] = ["index.html": "x", "students/a/index.html": "a", "students/a/deep/er/f": "f"]
        for n in 0..<50 { files["students/s\(n)/index.html"] = "\(n)" }
        for (path, text) in files {
            let url = site.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: false, encoding: .utf8)
        }
        try FileManager.default.createDirectory(
            at: site.appendingPathComponent("students/empty"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try "keep".write(to: outside.appendingPathComponent("keep.txt"), atomically: false, encoding: .utf8)
        // Links to a folder outside, at the top and deeper down.
        try FileManager.default.createSymbolicLink(at: site.appendingPathComponent("out"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(
            at: site.appendingPathComponent("students/a/deep/out"), withDestinationURL: outside)

        OutputFolder.removeTree(site.path)
        #expect(!FileManager.default.fileExists(atPath: site.path))
        #expect(try String(contentsOf: outside.appendingPathComponent("keep.txt"), encoding: .utf8) == "keep")
    }

    @Test func aLinkInTheFoldersPlaceIsRemovedItself() throws {
        let root = try TestContent.temporaryFolder()
        defer { TestContent.remove(root) }
        let target = root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try "keep".write(to: target.appendingPathComponent("keep.txt"), atomically: false, encoding: .utf8)
        let link = root.appendingPathComponent("old-site")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        OutputFolder.removeTree(link.path)
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link.path)) == nil)
        #expect(try String(contentsOf: target.appendingPathComponent("keep.txt"), encoding: .utf8) == "keep")
    }
}
