/// How often a policy item is due: every N weeks, every N months, or once a term.
public enum Cadence: Sendable, Hashable, CustomStringConvertible {
    case weeks(Int)
    case months(Int)
    case term

    /// Parses `N week(s)`, `N month(s)` or `1 term`; nil for anything else.
    public init?(_ text: String) {
        let words = text.split(whereSeparator: \.isWhitespace)
        guard words.count == 2, let n = Int(words[0]), n > 0 else { return nil }
        switch words[1].lowercased() {
        case "week", "weeks": self = .weeks(n)
        case "month", "months": self = .months(n)
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
