/// How bad a problem is: an error stops a build, a warning does not.
public enum Severity: String, Sendable, Hashable, Comparable {
    case error
    case warning

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .error && rhs == .warning
    }
}

/// One problem found in the content, with the place that causes it.
///
/// Every stage reports through this type; the command line decides how to print it.
public struct Diagnostic: Error, Sendable, Hashable, Comparable, CustomStringConvertible {
    public var severity: Severity
    public var rule: Rule
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, _ rule: Rule, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.rule = rule
        self.location = location
        self.message = message
    }

    public static func error(_ rule: Rule, at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, rule, at: location, message)
    }

    public static func warning(_ rule: Rule, at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.warning, rule, at: location, message)
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.location, lhs.severity, lhs.rule.rawValue, lhs.message)
            < (rhs.location, rhs.severity, rhs.rule.rawValue, rhs.message)
    }

    /// `path:line:column: error: message [rule]`, the way compilers print.
    public var description: String {
        "\(location): \(severity.rawValue): \(message) [\(rule.rawValue)]"
    }
}

extension Array where Element == Diagnostic {
    /// Whether any of these diagnostics is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
}
