/// How often a policy item is due: every N weeks, every N months, or once a term.
public enum Cadence: Sendable, Hashable, CustomStringConvertible {
    case weeks(Int)
    case months(Int)
    case term

    /// The longest cadences a school year holds: a period longer than that
    /// would never close, and its arithmetic could overflow.
    public static let maxWeeks = 52
    public static let maxMonths = 12

    /// Parses `N week(s)` (1…52), `N month(s)` (1…12) or `1 term`; nil for anything else.
    public init?(_ text: String) {
        let words = text.split(whereSeparator: \.isWhitespace)
        guard words.count == 2, let n = Int(words[0]), n > 0 else { return nil }
        switch words[1].lowercased() {
        case "week" where n <= Self.maxWeeks, "weeks" where n <= Self.maxWeeks: self = .weeks(n)
        case "month" where n <= Self.maxMonths, "months" where n <= Self.maxMonths: self = .months(n)
        case "term" where n == 1: self = .term
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .weeks(let n): n == 1 ? "1 week" : "\(n) weeks"
        case .months(let n): n == 1 ? "1 month" : "\(n) months"
        case .term: "1 term"
        }
    }
}
