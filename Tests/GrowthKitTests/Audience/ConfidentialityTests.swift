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
        // The walk finds the fields: the fixture fills each kind (a record's
        // behind the reference that holds its fields).
        let kinds = Set(leadership.filter(\.1).map { $0.0.replacing(/\.\d+/, with: "") })
        #expect(
            kinds == [
                ".tutors.phone", ".students.family", ".students.background", ".forums.analysis", ".surveys.comment",
                ".records.fields.content", ".summaries.content",
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
            // The stage: the folder under Sources/GrowthKit (Check/Rules is Check).
            let parts = file.pathComponents
            let folder = parts.firstIndex(of: "GrowthKit").map { parts[$0 + 1] } ?? ""
            if text.contains("Clearance(mayRead:") {
                #expect(["Audience", "Model"].contains(folder), "\(file.path) makes a Clearance")
            }
            if text.contains(".counting") {
                #expect(["Aggregate", "Model"].contains(folder), "\(file.path) reads confidential values")
            }
            if text.contains(".checking") {
                #expect(["Check", "Model"].contains(folder), "\(file.path) reads confidential values")
            }
            if text.contains(".storing") {
                #expect(["Load", "Model"].contains(folder), "\(file.path) reads confidential values")
            }
        }
    }

    /// What a record says is guarded by the type, not by the projection
    /// alone: a staff page cannot read a marked record's text, mood or slug
    /// even from a model the audience stage has not filtered, and reads an
    /// open record whole.
    @Test func aMarkedRecordReadsAsNothingWithoutClearance() async throws {
        let school = try #require(
            await TestContent.check(TestContent.fixture("privacy"), asOf: day("2026-01-16")).school)
        let staff = AudienceFilter.clearance(for: .staff)
        let leadership = AudienceFilter.clearance(for: .leadership)
        let marked = try #require(school.records.first { $0.id == "s1/2025-09-12-talk-mark-slug" })
        #expect(marked.isConfidential)
        #expect(marked.content.read(staff) == nil)
        let said = try #require(marked.content.read(leadership))
        #expect(said.slug == "mark-slug" && said.mood == 1 && said.areas == [.health] && said.duration == 45)
        #expect(said.body.rendered.summary.contains("MARK-CONFIDENTIAL-BODY-2"))
        let open = try #require(school.records.first { $0.id == "s1/2025-09-24-talk" })
        #expect(!open.isConfidential && open.content.read(staff) == open.content.read(leadership))
        let summary = try #require(school.summaries.first)
        #expect(summary.isConfidential && summary.content.read(staff) == nil)
        #expect(summary.content.read(leadership)?.title == "MARK-SUMMARY-TITLE-3")
        // The staff projection keeps the open record as it is and only that the marked one exists.
        let (projected, _) = AudienceFilter.apply(
            .staff, to: school, SchoolAggregates(school: school, asOf: day("2026-01-16")))
        #expect(projected.records.first { $0.id == "s1/2025-09-24-talk" } == open)
        #expect(projected.records.filter(\.isConfidential).allSatisfy { $0.content.read(leadership) == nil })
    }
}
