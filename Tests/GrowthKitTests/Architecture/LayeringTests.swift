import Foundation
import Testing

/// The pipeline runs one way (README, "Architecture"): each folder of
/// GrowthKit uses only the types of the folders before it.
@Suite struct LayeringTests {
    static let order = [
        "Text", "Calendar", "Diagnostics", "Model", "Parse", "Load", "Check", "Aggregate", "Audience", "Views",
        "Export",
        "Site", "Output", "Write",
    ]

    static var sources: URL { TestContent.packageRoot.appendingPathComponent("Sources/GrowthKit") }

    /// Swift source without comments and string literals, so a word in a
    /// doc comment or a message is not a dependency.
    static func code(_ text: String) -> String {
        var result = ""
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).makeIterator()
        var inBlockString = false
        while let line = lines.next() {
            if line.contains("\"\"\"") {
                inBlockString.toggle()
                continue
            }
            if inBlockString { continue }
            var kept = line
            if let comment = kept.range(of: "//") { kept = kept[..<comment.lowerBound] }
            result += kept.replacing(/"([^"\\]|\\.)*"/, with: "\"\"") + "\n"
        }
        return result
    }

    /// The top-level types each folder declares.
    static func declarations() throws -> [String: Set<String>] {
        var names: [String: Set<String>] = [:]
        for folder in order {
            for file in try files(in: folder) {
                let text = try String(contentsOf: file, encoding: .utf8)
                for match in text.matches(
                    of:
                        /(?m)^(?:public |internal |private |fileprivate )?(?:final |indirect )?(?:struct|enum|class|actor|protocol|typealias) ([A-Z][A-Za-z0-9]*)/
                ) {
                    names[folder, default: []].insert(String(match.1))
                }
            }
        }
        return names
    }

    static func files(in folder: String) throws -> [URL] {
        let url = sources.appendingPathComponent(folder)
        guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }.sorted { $0.path < $1.path }
    }

    @Test func everyFolderUsesOnlyTheFoldersBeforeIt() throws {
        let declared = try Self.declarations()
        #expect(Set(declared.keys) == Set(Self.order), "a folder of GrowthKit is not in the order")
        var violations: [String] = []
        for (index, folder) in Self.order.enumerated() {
            let later = Self.order[(index + 1)...].flatMap { later in (declared[later] ?? []).map { (later, $0) } }
            for file in try Self.files(in: folder) {
                let code = Self.code(try String(contentsOf: file, encoding: .utf8))
                let words = Set(
                    code.matches(of: /[A-Za-z_][A-Za-z0-9_]*/).map { String($0.output) }.filter {
                        $0.first!.isUppercase
                    })
                for (owner, name) in later where words.contains(name) {
                    violations.append("\(folder)/\(file.lastPathComponent) uses \(name) of \(owner)")
                }
            }
        }
        #expect(violations == [])
    }

    @Test func onlyTheFolderThatNeedsALibraryImportsIt() throws {
        let allowed = [
            "Yams": "Parse", "CSV": "Parse", "CCmark": "Text", "CYaml": "Parse", "Mustache": "Site",
            "CGrowthSystem": "Output",
        ]
        for folder in Self.order {
            for file in try Self.files(in: folder) {
                let text = try String(contentsOf: file, encoding: .utf8)
                for (library, home) in allowed where text.contains("import \(library)\n") {
                    #expect(folder == home, "\(file.lastPathComponent) imports \(library)")
                    // Not part of GrowthKit's interface: the CLI never sees it.
                    #expect(text.contains("internal import \(library)\n"), "\(file.lastPathComponent)")
                }
            }
        }
    }
}
