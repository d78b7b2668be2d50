import Foundation

/// A calendar day, as a school writes it: no time, no time zone.
///
/// Days are stored as their count from 1970-01-01 so that arithmetic and
/// comparison are integer operations; nothing here can be shifted by UTC.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    /// Days since 1970-01-01.
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    /// A day from its parts, or nil when no such day exists (2024-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Day.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        ordinal = Day.daysFromCivil(year: year, month: month, day: day)
    }

    /// Parses exactly `YYYY-MM-DD`; nil for any other shape or an impossible day.
    public init?(iso text: some StringProtocol) {
        guard let (y, m, d) = Day.isoParts(text.utf8) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Whether the text has the shape `NNNN-NN-NN`, valid or not.
    public static func looksLikeISO(_ text: some StringProtocol) -> Bool {
        isoParts(text.utf8) != nil
    }

    /// The numbers of `NNNN-NN-NN`, read from the bytes as they come: every
    /// record's dates go through here, so nothing is copied.
    private static func isoParts(_ utf8: some Collection<UInt8>) -> (Int, Int, Int)? {
        var numbers = (0, 0, 0)
        var position = 0
        for byte in utf8 {
            switch position {
            case 4, 7:
                guard byte == UInt8(ascii: "-") else { return nil }
            case 0..<10:
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                let digit = Int(byte - UInt8(ascii: "0"))
                if position < 4 {
                    numbers.0 = numbers.0 * 10 + digit
                } else if position < 7 {
                    numbers.1 = numbers.1 * 10 + digit
                } else {
                    numbers.2 = numbers.2 * 10 + digit
                }
            default: return nil
            }
            position += 1
        }
        return position == 10 ? numbers : nil
    }

    public var parts: (year: Int, month: Int, day: Int) { Day.civil(fromDays: ordinal) }
    public var year: Int { parts.year }
    public var month: Int { parts.month }
    public var day: Int { parts.day }

    /// ISO weekday: 1 is Monday, 7 is Sunday.
    public var weekday: Int {
        // 1970-01-01 was a Thursday (4).
        let w = (ordinal + 3) % 7
        return (w < 0 ? w + 7 : w) + 1
    }

    public func adding(days: Int) -> Day { Day(ordinal: ordinal + days) }

    /// Days from `self` to `other` (positive when `other` is later).
    public func days(to other: Day) -> Int { other.ordinal - ordinal }

    /// The Monday on or before this day.
    public var mondayOfWeek: Day { adding(days: 1 - weekday) }

    /// The first day of this day's month.
    public var firstOfMonth: Day { Day(year: year, month: month, day: 1)! }

    /// The first day of the month `n` months after this day's month.
    public func firstOfMonth(adding n: Int) -> Day {
        let (y, m, _) = parts
        let total = y * 12 + (m - 1) + n
        return Day(year: total / 12, month: total % 12 + 1, day: 1)!
    }

    public var iso: String {
        let (y, m, d) = parts
        return "\(Day.pad(y, 4))-\(Day.pad(m, 2))-\(Day.pad(d, 2))"
    }

    public var description: String { iso }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a day: \(text)"))
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // Howard Hinnant's days_from_civil / civil_from_days.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civil(fromDays z0: Int) -> (year: Int, month: Int, day: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

extension Day {
    /// The day an instant falls on in a time zone (an IANA name; UTC when unknown).
    public init(_ instant: Date, in timezone: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timezone) ?? TimeZone(secondsFromGMT: 0)!
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        self = Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
