import Foundation
import Testing

@testable import GrowthKit

/// Confidential values are a type: the staff model holds none of them,
/// whatever field they sit in, and only the audience stage clears a reader.
@Suite struct ConfidentialityTests {
    /// Every `Confidential` value reachable from `value`, with its path.
    static func confidentialFields(in value: Any, path: String = "", into found: inout [(String, Bool)]) {
        if let field = value as? any ConfidentialField {
            found.append((path, field.holdsValue))
            return
        }
        let mirror = Mirror(reflecting: value)
        for (index, child) in mirror.children.enumerated() {
            confidentialFields(in: child.value, path: path + "." + (child.label ?? "\(index)"), into: &found)
        }
    }

    @Test func theStaffModelHoldsNoConfidentialValue() async throws {
        let checked = await TestContent.check(TestContent.fixture("privacy"), asOf: day("2026-01-16"))
        let school = try #require(checked.school)
        let aggregates = SchoolAggregates(school: school, asOf: day("2026-01-16"))
        var leadership: [(String, Bool)] = []
        Self.confidentialFields(in: school, into: &leadership)
        // The walk finds the fields: the fixture fills each kind.
        let kinds = Set(leadership.filter(\.1).map { $0.0.replacing(/\.\d+/, with: "") })
        #expect(
            kinds == [
                ".tutors.phone", ".students.family", ".students.background", ".forums.analysis", ".surveys.comment",
            ])

        let (staff, staffAggregates) = AudienceFilter.apply(.staff, to: school, aggregates)
        var found: [(String, Bool)] = []
        Self.confidentialFields(in: staff, into: &found)
        Self.confidentialFields(in: staffAggregates, path: "aggregates", into: &found)
        #expect(!found.isEmpty)
        #expect(found.filter(\.1).map(\.0) == [])
    }

    @Test func onlyTheAudienceStageClearsAReader() throws {
        let root = TestContent.packageRoot.appendingPathComponent("Sources")
        let walker = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
        for case let file as URL in walker where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            let folder = file.deletingLastPathComponent().lastPathComponent
            if text.contains("Clearance(mayRead:") {
                #expect(["Audience", "Model"].contains(folder), "\(file.path) makes a Clearance")
            }
            if text.contains(".counting") {
                #expect(["Aggregate", "Model"].contains(folder), "\(file.path) reads confidential values")
            }
        }
    }
}
