/// Everything computed from the school and the as-of date: what the exports
/// and the site show. A pure function of its inputs.
public struct SchoolAggregates: Sendable {
    public var asOf: Day
    public var compliance: ComplianceReport
    public var evaluation: Evaluation
    /// By student id.
    public var trajectories: [String: GrowthTrajectory]
    /// How many students of each class live in each family structure: counts
    /// that stay when the staff audience loses the students' own circumstances.
    public var familyCounts: [String: [FamilyStructure: Int]]

    public init(school: School, asOf: Day) {
        let asOf = school.settings.term.clamp(asOf)
        self.asOf = asOf
        let compliance = ComplianceCalculator.report(for: school, asOf: asOf)
        self.compliance = compliance
        evaluation = EvaluationCalculator.evaluate(school, compliance: compliance)
        var families: [String: [FamilyStructure: Int]] = [:]
        for student in school.students {
            if let structure = student.family?.structure {
                families[student.classID, default: [:]][structure, default: 0] += 1
            }
        }
        familyCounts = families
        let records = Dictionary(grouping: school.records.filter { $0.date <= asOf }, by: \.studentID)
        trajectories = Dictionary(
            uniqueKeysWithValues: school.students.map { student in
                (student.id, GrowthTrajectory.make(for: student, records: records[student.id] ?? [], asOf: asOf))
            })
    }
}
