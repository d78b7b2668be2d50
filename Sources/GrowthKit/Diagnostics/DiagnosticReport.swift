import Foundation

/// Prints diagnostics for people (`text`) or for GitHub Actions annotations (`github`).
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    case text
    case github
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

    /// Each diagnostic on a line of its own, in the given format, its path
    /// shown inside `folder` (the folder as the user named it) when given.
    public func lines(in format: DiagnosticFormat, folder: String? = nil) -> [String] {
        diagnostics.map { diagnostic in
            let path = Self.path(diagnostic.location.path, in: folder)
            switch format {
            case .text:
                return "\(path):\(diagnostic.location.line):\(diagnostic.location.column): "
                    + "\(diagnostic.severity.rawValue): \(diagnostic.message) [\(diagnostic.rule.rawValue)]"
            case .github:
                let message = Self.escapeGitHubData("\(diagnostic.message) [\(diagnostic.rule.rawValue)]")
                return "::\(diagnostic.severity.rawValue) file=\(Self.escapeGitHubProperty(path)),"
                    + "line=\(diagnostic.location.line),col=\(diagnostic.location.column)::\(message)"
            }
        }
    }

    /// `content/students/…` for a path of `content`; the folder itself for an empty path.
    static func path(_ path: String, in folder: String?) -> String {
        guard let folder else { return path }
        var trimmed = Substring(folder)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        if path.isEmpty { return String(trimmed) }
        return trimmed.hasSuffix("/") ? trimmed + path : trimmed + "/" + path
    }

    /// `2 errors, 1 warning in 31 files`: the problems, and how many files were checked.
    public var summary: String {
        func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        return "\(count(errorCount, "error")), \(count(warningCount, "warning")) in \(count(fileCount, "file"))"
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
