/// A pair of growth partners in one term (seed 000: 成长伙伴), as either
/// student's `partners` list names it, with what the tutors recorded of them.
struct PartnerPair: Sendable, Hashable {
    /// The two student ids, the smaller first.
    var first: String
    var second: String
    /// The days the pairing holds, as written; nil is open.
    var from: Day?
    var to: Day?
    /// The days of the pair's `partner` records in the term up to its as-of date.
    var activities: [Day]

    /// Whether the pairing holds on `day`.
    func holds(on day: Day) -> Bool {
        (from.map { $0 <= day } ?? true) && (to.map { day <= $0 } ?? true)
    }

    /// The pairs of `term`: every pairing of a student at school in the term
    /// that holds on some day of it, once however many sides list it with the
    /// same days. A pair that splits and forms again, or whose two sides give
    /// other days, is a row for each period.
    static func pairs(in school: School, term: Term, asOf: Day) -> [PartnerPair] {
        var pairs: [String: PartnerPair] = [:]
        var order: [String] = []
        for student in school.students where student.isPresent(during: term) {
            for pairing in student.partners {
                if let from = pairing.from, from > term.end { continue }
                if let to = pairing.to, to < term.start { continue }
                let (first, second) =
                    min(student.id, pairing.student) == student.id
                    ? (student.id, pairing.student) : (pairing.student, student.id)
                let key = [first, second, pairing.from?.iso ?? "", pairing.to?.iso ?? ""].joined(separator: "\u{1F}")
                if pairs[key] == nil {
                    order.append(key)
                    pairs[key] = PartnerPair(
                        first: first, second: second, from: pairing.from, to: pairing.to, activities: [])
                }
            }
        }
        // A `partner` record belongs to the pair of its student that holds on its day.
        let byStudent = Dictionary(grouping: order, by: { pairs[$0]!.first })
            .merging(Dictionary(grouping: order, by: { pairs[$0]!.second })) { $0 + $1 }
        for record in school.records
        where record.type == .partner && term.contains(record.date) && record.date <= asOf {
            guard let key = byStudent[record.studentID]?.first(where: { pairs[$0]!.holds(on: record.date) }) else {
                continue
            }
            pairs[key]!.activities.append(record.date)
        }
        return order.sorted().map { key in
            var pair = pairs[key]!
            pair.activities.sort()
            return pair
        }
    }
}
