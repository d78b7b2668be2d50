/// One window of a cadence within the term, e.g. the second fortnight.
struct Period: Sendable, Hashable, Comparable, CustomStringConvertible {
    var start: Day
    var end: Day

    init(start: Day, end: Day) {
        self.start = start
        self.end = end
    }

    func contains(_ day: Day) -> Bool { start <= day && day <= end }

    /// A period is closed when its last day is on or before the as-of date:
    /// only closed periods are judged.
    func isClosed(asOf: Day) -> Bool { end <= asOf }

    static func < (lhs: Period, rhs: Period) -> Bool { lhs.start < rhs.start }

    var description: String { "\(start)…\(end)" }
}

extension Cadence {
    /// The cadence's windows over the term, cut to the term (SPEC §3):
    /// `N weeks` are N×7-day windows from the Monday of the term's first week,
    /// `N months` calendar months grouped by N from the term's first month,
    /// `1 term` the whole term.
    func periods(in term: Term) -> [Period] {
        var periods: [Period] = []
        switch self {
        case .term:
            return [Period(start: term.start, end: term.end)]
        case .weeks(let n):
            var start = term.start.mondayOfWeek
            while start <= term.end {
                let next = start.adding(days: 7 * n)
                periods.append(Period(start: max(start, term.start), end: min(next.adding(days: -1), term.end)))
                start = next
            }
        case .months(let n):
            var k = 0
            while true {
                let start = term.start.firstOfMonth(adding: k * n)
                guard start <= term.end else { break }
                let next = term.start.firstOfMonth(adding: (k + 1) * n)
                periods.append(Period(start: max(start, term.start), end: min(next.adding(days: -1), term.end)))
                k += 1
            }
        }
        return periods
    }

    /// How many days may pass between two records before a student is overdue
    /// (before `grace_days`): 7×N for weeks, 30×N for months, the term's
    /// length for `1 term`.
    func allowedGap(in term: Term) -> Int {
        switch self {
        case .weeks(let n): 7 * n
        case .months(let n): 30 * n
        case .term: term.start.days(to: term.end) + 1
        }
    }
}
