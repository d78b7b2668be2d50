import Foundation

/// Decides the as-of date every number is computed for.
public enum AsOfDate {
    /// The as-of date and today: the as-of date is `--as-of`, else
    /// `SOURCE_DATE_EPOCH`, else today in the school's time zone, never
    /// before the first term. Today is always the clock's day (never before the as-of
    /// date): `SOURCE_DATE_EPOCH` says which day a build is for, like
    /// `--as-of`, so rebuilding an old day leaves later records out with a
    /// warning instead of calling them impossible.
    ///
    /// - Parameters:
    ///   - given: the `--as-of` day, if any.
    ///   - sourceDateEpoch: the `SOURCE_DATE_EPOCH` variable, if set; a value
    ///     that is not a whole number of seconds is ignored (the command line
    ///     rejects it first).
    ///   - now: the clock's reading.
    public static func resolve(given: Day?, sourceDateEpoch: String?, now: Date, settings: SchoolSettings) -> CheckDates
    {
        let epochDay = sourceDateEpoch.flatMap(seconds).map {
            Day(Date(timeIntervalSince1970: TimeInterval($0)), in: settings.timezone)
        }
        let today = Day(now, in: settings.timezone)
        // Before the first term the site shows the first; after a term it
        // shows the term just ended (SPEC §7), so only the start is clamped.
        let asOf = max(given ?? epochDay ?? today, settings.terms[0].start)
        return CheckDates(asOf: asOf, today: today)
    }

    /// `SOURCE_DATE_EPOCH` as seconds since 1970, or nil when it is not a whole number.
    public static func seconds(_ sourceDateEpoch: String) -> Int? {
        Int(sourceDateEpoch.trimmingCharacters(in: .whitespaces))
    }
}

/// The days a check compares dates against.
public struct CheckDates: Sendable, Hashable {
    /// The as-of date: later records are left out of this build.
    public var asOf: Day
    /// The real today in the school's time zone: later records cannot have happened.
    public var today: Day

    public init(asOf: Day, today: Day) {
        self.asOf = asOf
        self.today = today
    }
}
