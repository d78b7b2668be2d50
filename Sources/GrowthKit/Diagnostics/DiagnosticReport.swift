import Foundation

/// Prints diagnostics for people (`text`), as GitHub Actions annotations
/// (`github`), or as a GitLab Code Quality report (`gitlab`, one JSON document).
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text
    case github
    case gitlab
}

/// A sorted list of diagnostics and the closing summary line.
public struct DiagnosticReport: Sendable {
    public let diagnostics: [Diagnostic]
    /// How many files were checked.
    public let fileCount: Int

    public init(_ diagnostics: [Diagnostic], fileCount: Int) {
        self.diagnostics = diagnostics.sorted()
        self.fileCount = fileCount
    }

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }

    /// How many warnings of one rule are printed before the rest are summed up.
    public static let warningsShownPerRule = 5
    /// GitHub shows at most this many annotations of a kind per step.
    public static let githubAnnotationLimit = 10

    /// Each diagnostic on a line of its own, in the given format, its path
    /// shown inside `folder` (the folder as the user named it) when given.
    ///
    /// Unless `verbose`, warnings of a rule past the first few are summed up in
    /// one line at the end (`… and 1,990 more date-after-as-of warnings`), so
    /// they cannot bury the errors; errors are never summed up. GitHub
    /// annotations go one per problem up to GitHub's limit per kind, then one
    /// annotation sums up the rest.
    public func lines(in format: DiagnosticFormat, folder: String? = nil, verbose: Bool = false) -> [String] {
        if format == .gitlab { return [codeQuality(folder: folder)] }
        var shown: [Diagnostic] = []
        var hidden: [Rule: Int] = [:]
        var perRule: [Rule: Int] = [:]
        var perSeverity: [Severity: Int] = [:]
        for diagnostic in diagnostics {
            let keep: Bool
            switch format {
            case .text:
                perRule[diagnostic.rule, default: 0] += diagnostic.severity == .warning ? 1 : 0
                keep =
                    verbose || diagnostic.severity == .error || perRule[diagnostic.rule]! <= Self.warningsShownPerRule
            case .github:
                perSeverity[diagnostic.severity, default: 0] += 1
                keep = verbose || perSeverity[diagnostic.severity]! <= Self.githubAnnotationLimit
            case .gitlab:
                keep = true
            }
            if keep { shown.append(diagnostic) } else { hidden[diagnostic.rule, default: 0] += 1 }
        }
        var lines = shown.map { line($0, format, folder) }
        let rules = hidden.keys.sorted { $0.rawValue < $1.rawValue }
        switch format {
        case .text:
            for rule in rules {
                let n = hidden[rule]!
                lines.append(
                    "… and \(Self.grouped(n)) more `\(rule.rawValue)` warning\(n == 1 ? "" : "s"); --verbose lists them all"
                )
            }
        case .github where !rules.isEmpty:
            let total = rules.reduce(0) { $0 + hidden[$1]! }
            let kinds = rules.map { "\(Self.grouped(hidden[$0]!)) \($0.rawValue)" }.joined(separator: ", ")
            let severity = shown.count { $0.severity == .error } >= Self.githubAnnotationLimit ? "error" : "warning"
            lines.append(
                "::\(severity)::"
                    + Self.escapeGitHubData(
                        "… and \(Self.grouped(total)) more problems not annotated (\(kinds)); "
                            + "growth check --format text lists them all"))
        case .github, .gitlab: break
        }
        return lines
    }

    /// GitLab's Code Quality report: a JSON array of issues with a
    /// description, a check name, a fingerprint, a severity and a location.
    public func codeQuality(folder: String?) -> String {
        let issues = diagnostics.map { diagnostic -> JSONValue in
            let path = Self.path(diagnostic.location.path, in: folder)
            let identity =
                "\(diagnostic.rule.rawValue)|\(path)|\(diagnostic.location.line)|\(diagnostic.location.column)|\(diagnostic.message)"
            return .object([
                "type": .string("issue"),
                "description": .string(diagnostic.message),
                "check_name": .string(diagnostic.rule.rawValue),
                "fingerprint": .string(Self.fingerprint(identity)),
                "severity": .string(diagnostic.severity == .error ? "major" : "minor"),
                "location": .object([
                    "path": .string(path), "lines": .object(["begin": .int(diagnostic.location.line)]),
                ]),
            ])
        }
        return JSONValue.array(issues).text.trimmingCharacters(in: .newlines)
    }

    /// A stable 128-bit FNV-1a hash in hex: GitLab matches issues between
    /// pipelines by it.
    static func fingerprint(_ text: String) -> String {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in text.utf8 {
            a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 &+ 1
        }
        func hex(_ n: UInt64) -> String {
            let digits = String(n, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return hex(a) + hex(b)
    }

    func line(_ diagnostic: Diagnostic, _ format: DiagnosticFormat, _ folder: String?) -> String {
        let path = Self.path(diagnostic.location.path, in: folder)
        switch format {
        case .text, .gitlab:
            // One problem, one line: a value holding a line break must not forge a second.
            return "\(Self.oneLine(path)):\(diagnostic.location.line):\(diagnostic.location.column): "
                + "\(diagnostic.severity.rawValue): \(Self.oneLine(diagnostic.message)) [\(diagnostic.rule.rawValue)]"
        case .github:
            let message = Self.escapeGitHubData("\(diagnostic.message) [\(diagnostic.rule.rawValue)]")
            return "::\(diagnostic.severity.rawValue) file=\(Self.escapeGitHubProperty(path)),"
                + "line=\(diagnostic.location.line),col=\(diagnostic.location.column)::\(message)"
        }
    }

    /// Line breaks and other control characters shown as `\n`, `\u{1b}`.
    static func oneLine(_ text: String) -> String {
        guard
            text.unicodeScalars.contains(where: {
                $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{2028}" || $0 == "\u{2029}"
            })
        else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{2028}" || scalar == "\u{2029}":
                out += "\\u{\(String(scalar.value, radix: 16))}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// `1,990`.
    static func grouped(_ n: Int) -> String { NumberText.grouped(n) }

    /// `content/students/…` for a path of `content`; the folder itself for an empty path.
    public static func path(_ path: String, in folder: String?) -> String {
        guard let folder else { return path }
        var trimmed = Substring(folder)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        if path.isEmpty { return String(trimmed) }
        return trimmed.hasSuffix("/") ? trimmed + path : trimmed + "/" + path
    }

    /// `2 errors, 1 warning in 31 files`: the problems, and how many files were checked.
    public var summary: String {
        "\(counts) in \(fileCount) file\(fileCount == 1 ? "" : "s")"
    }

    /// `2 errors, 1 warning`.
    public var counts: String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(count(errorCount, "error")), \(count(warningCount, "warning"))"
    }

    // GitHub's workflow command escaping: https://github.com/actions/toolkit (command.ts).
    static func escapeGitHubData(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeGitHubProperty(_ s: String) -> String {
        escapeGitHubData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
