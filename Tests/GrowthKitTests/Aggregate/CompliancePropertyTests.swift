import Testing

@testable import GrowthKit

/// Properties that hold for any school: checked on many random ones.
@Suite struct CompliancePropertyTests {
    /// SplitMix64: a small seeded generator, so a failing seed can be replayed.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let seeds: [UInt64] = Array(1...40)

    static func randomSchool(_ seed: UInt64) -> SchoolBuilder {
        var rng = Seeded(state: seed)
        let cadences: [Cadence] = [.weeks(1), .weeks(2), .weeks(3), .months(1), .months(2), .term]
        var items: [RecordType: Cadence] = [:]
        for type in [RecordType.talk, .report, .phoneVisit, .homeVisit] where Bool.random(using: &rng) {
            items[type] = cadences.randomElement(using: &rng)!
        }
        if items.isEmpty { items[.talk] = .weeks(1) }
        let start = day("2025-09-01").adding(days: Int.random(in: 0...6, using: &rng))
        var school = SchoolBuilder(
            start: start.iso, end: start.adding(days: Int.random(in: 60...150, using: &rng)).iso, records: items,
            forum: .months(1), appliesTo: Bool.random(using: &rng) ? .all : .key,
            graceDays: Int.random(in: 0...5, using: &rng))
        for tutor in ["t-a", "t-b", "t-c"] { school.tutor(tutor) }
        for index in 0..<8 {
            let change = start.adding(days: Int.random(in: 1...90, using: &rng))
            if Bool.random(using: &rng) {
                school.student(
                    "s\(index)",
                    history: [("t-a", start.iso), (["t-b", "t-c"].randomElement(using: &rng)!, change.iso)],
                    key: Bool.random(using: &rng))
            } else {
                school.student(
                    "s\(index)", tutor: ["t-a", "t-b", "t-c"].randomElement(using: &rng)!, key: Bool.random(using: &rng)
                )
            }
            for _ in 0..<Int.random(in: 0...20, using: &rng) {
                let date = start.adding(days: Int.random(in: 0...150, using: &rng))
                school.record("s\(index)", date.iso, RecordType.allCases.randomElement(using: &rng)!)
            }
        }
        return school
    }

    static func asOf(_ school: SchoolBuilder, _ seed: UInt64) -> Day {
        var rng = Seeded(state: seed &* 31)
        let term = school.school.settings.terms[0]
        return term.start.adding(days: Int.random(in: 0...term.start.days(to: term.end), using: &rng))
    }

    @Test(arguments: seeds) func everyComplianceIsBetweenZeroAndOne(seed: UInt64) {
        let school = Self.randomSchool(seed)
        let report = SchoolAggregates(school: school.school, asOf: Self.asOf(school, seed)).compliance
        let values =
            report.students.map(\.compliance) + report.tutors.map(\.compliance) + report.classes.map(\.compliance)
            + [report.school]
        for value in values.compactMap({ $0 }) { #expect((0...1).contains(value)) }
        for item in report.students.flatMap({ $0.items.values }) { #expect(0 <= item.met && item.met <= item.due) }
    }

    @Test(arguments: seeds) func addingARecordNeverLowersACompliance(seed: UInt64) {
        var school = Self.randomSchool(seed)
        let asOf = Self.asOf(school, seed)
        let before = SchoolAggregates(school: school.school, asOf: asOf).compliance
        var rng = Seeded(state: seed &+ 7)
        let student = school.school.students.randomElement(using: &rng)!.id
        let date = school.school.settings.terms[0].start.adding(days: Int.random(in: 0...60, using: &rng))
        school.record(student, date.iso, school.school.settings.policy.requiredRecordTypes.randomElement(using: &rng)!)
        let after = SchoolAggregates(school: school.school, asOf: asOf).compliance
        for (old, new) in zip(before.students, after.students) {
            #expect((new.compliance ?? 0) >= (old.compliance ?? 0))
            for (type, item) in old.items { #expect(new.items[type]!.met >= item.met) }
        }
        for (old, new) in zip(before.tutors, after.tutors) {
            #expect((new.compliance ?? 0) >= (old.compliance ?? 0))
        }
        #expect((after.school ?? 0) >= (before.school ?? 0))
    }

    @Test(arguments: seeds) func movingTheAsOfDateForwardNeverLowersADueCount(seed: UInt64) {
        let school = Self.randomSchool(seed)
        let asOf = Self.asOf(school, seed)
        let before = SchoolAggregates(school: school.school, asOf: asOf).compliance
        let after = SchoolAggregates(school: school.school, asOf: asOf.adding(days: 1 + Int(seed % 20))).compliance
        for (old, new) in zip(before.students, after.students) {
            for (type, item) in old.items { #expect(new.items[type]!.due >= item.due) }
        }
        for (old, new) in zip(before.tutors, after.tutors) {
            #expect((new.forums?.due ?? 0) >= (old.forums?.due ?? 0))
        }
    }
}
