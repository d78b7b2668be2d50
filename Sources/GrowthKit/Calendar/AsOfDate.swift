import Foundation

/// Decides the as-of date every number is computed for.
public enum AsOfDate {
    /// The day an instant falls on in a time zone.
    public static func day(of instant: Date, in timezone: String) -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timezone) ?? TimeZone(secondsFromGMT: 0)!
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// The as-of date and today: `--as-of`, else `SOURCE_DATE_EPOCH`, else
    /// today in the school's time zone, clamped to the term. Today is the
    /// `SOURCE_DATE_EPOCH` day when set (so a reproducible build does not read
    /// the clock), else the clock's; never before the as-of date.
    ///
    /// - Parameters:
    ///   - given: the `--as-of` day, if any.
    ///   - sourceDateEpoch: the `SOURCE_DATE_EPOCH` variable, if set.
    ///   - now: the clock's reading.
    public static func resolve(given: Day?, sourceDateEpoch: String?, now: Date, settings: SchoolSettings) -> CheckDates
    {
        let epochDay = sourceDateEpoch.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }.map {
            day(of: Date(timeIntervalSince1970: TimeInterval($0)), in: settings.timezone)
        }
        let today = epochDay ?? day(of: now, in: settings.timezone)
        let asOf = settings.term.clamp(given ?? today)
        return CheckDates(asOf: asOf, today: max(today, asOf))
    }
}
