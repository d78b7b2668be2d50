/// A problem in the list of what a build left out.
struct ProblemView: Sendable, Hashable, Encodable {
    var severity: String
    var severityText: String
    var place: String
    var message: String
}

/// `problems/index.html`, written only by a build with `--allow-errors`.
struct ProblemsView: Sendable, Encodable {
    var heading: String
    var intro: String
    var headers: [String]
    var problems: [ProblemView]
}

extension PageContext {
    func problemsPage(_ diagnostics: [Diagnostic]) -> Page {
        Page(
            path: PagePath.problems, template: "problems",
            frame: frame(title: text[.problems], depth: 1, current: nil),
            view: ProblemsView(
                heading: text[.problems], intro: text[.problemsIntro],
                headers: [text[.severity], text[.place], text[.message]],
                problems: diagnostics.map {
                    ProblemView(
                        severity: $0.severity.rawValue, severityText: text[$0.severity == .error ? .error : .warning],
                        place: "\(audience == .staff ? Self.staffPath($0.location.path) : $0.location.path):"
                            + "\($0.location.line):\($0.location.column)",
                        message: audience == .staff
                            ? "\(text[.problemHiddenForStaff]) [\($0.rule.rawValue)]"
                            : "\($0.message) [\($0.rule.rawValue)]")
                }))
    }

    /// A record's path without the slug of its file name, which may say what
    /// a confidential record is about: `students/s1/2025-11-11-talk-…`.
    static func staffPath(_ path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "students", parts[2] != "index.md", parts[2].count > 11 else { return path }
        let stem = parts[2].dropLast(parts[2].hasSuffix(".md") ? 3 : 0)
        let type = RecordType.allCases.sorted { $0.rawValue.count > $1.rawValue.count }.first {
            stem.dropFirst(11).hasPrefix($0.rawValue)
        }
        guard let type, stem.count > 11 + type.rawValue.count else { return path }
        return "students/\(parts[1])/\(stem.prefix(11))\(type.rawValue)-…"
    }
}
