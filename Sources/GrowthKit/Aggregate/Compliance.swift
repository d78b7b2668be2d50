/// Due and met periods of one policy item.
struct ItemCompliance: Sendable, Hashable {
    /// Closed periods in which the student had a tutor on the period's last day.
    var due: Int = 0
    /// Those of them holding at least one record of the item's type.
    var met: Int = 0

    init(due: Int = 0, met: Int = 0) {
        self.due = due
        self.met = met
    }

    /// met / due; nil when nothing is due yet.
    var ratio: Double? { due > 0 ? Double(met) / Double(due) : nil }

    mutating func add(_ other: ItemCompliance) {
        due += other.due
        met += other.met
    }
}

/// The period of an item still open on the as-of date: not judged yet, but
/// the work done in it shows (a term-long home visit done in October).
struct OpenPeriod: Sendable, Hashable {
    var period: Period
    /// A record of the item falls in the period up to the as-of date.
    var done: Bool
    /// Days from the last record of the item (this term) to the as-of date; nil when none.
    var daysSince: Int?
}

/// A required item a student is overdue for.
struct OverdueItem: Sendable, Hashable {
    var studentID: String
    var item: RecordType
    /// Days from the last record (or the start) to the as-of date.
    var days: Int
    /// Days allowed: the cadence's gap plus `grace_days`.
    var allowed: Int
    /// The last record of the type, if any.
    var lastRecord: Day?

    /// How far past the allowed gap: what "worst first" sorts by.
    var excess: Int { days - allowed }
}

/// One student's compliance with the policy.
struct StudentCompliance: Sendable, Hashable {
    var studentID: String
    var classID: String
    /// The tutor on the as-of date.
    var tutorID: String?
    /// Whether the policy applies to the student (`applies_to: key`).
    var isRequired: Bool
    /// Per required record type.
    var items: [RecordType: ItemCompliance]
    /// Per required record type, the period still open on the as-of date
    /// (none once the term has ended, or for a student nobody follows then).
    var open: [RecordType: OpenPeriod] = [:]
    /// The mean over required items with at least one due period.
    var compliance: Double?
    var overdue: [OverdueItem]
}

/// One tutor's compliance: over the periods in which each student was theirs.
struct TutorCompliance: Sendable, Hashable {
    var tutorID: String
    /// Students whose periods were judged for this tutor, by id.
    var students: [String]
    /// The mean of those students' compliance over this tutor's periods.
    var compliance: Double?
    /// Closed forum periods with a forum held (`due`) and attended (`met`);
    /// nil when the policy has no forum item.
    var forums: ItemCompliance?
}

/// A class's compliance: the mean over its students.
struct ClassCompliance: Sendable, Hashable {
    var classID: String
    var students: Int
    var compliance: Double?
    /// Per item, summed over the class's students.
    var items: [RecordType: ItemCompliance]
}

/// Compliance of the whole school as of one day (SPEC §3).
struct ComplianceReport: Sendable, Hashable {
    var asOf: Day
    /// The required record types, in their display order.
    var requiredItems: [RecordType]
    var students: [StudentCompliance]
    var tutors: [TutorCompliance]
    var classes: [ClassCompliance]
    var school: Double?
    /// Per item, summed over all students.
    var items: [RecordType: ItemCompliance]
    /// Every overdue item of every student, worst first.
    var overdue: [OverdueItem]
}

/// The mean of the values present; nil when there are none.
func mean(_ values: [Double?]) -> Double? {
    let present = values.compactMap { $0 }
    return present.isEmpty ? nil : present.reduce(0, +) / Double(present.count)
}
