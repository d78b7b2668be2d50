/// A problem in the list of what a build left out.
public struct ProblemView: Sendable, Hashable {
    public var severity: String
    public var severityText: String
    public var place: String
    public var message: String
}

/// `problems/index.html`, written only by a build with `--allow-errors`.
public struct ProblemsView: Sendable {
    public var heading: String
    public var intro: String
    public var headers: [String]
    public var problems: [ProblemView]
}

extension ViewContext {
    func problemsPage(_ diagnostics: [Diagnostic]) -> Page {
        Page(
            path: "problems/index.html", template: "problems",
            frame: frame(title: text[.problems], depth: 1, current: nil),
            view: ProblemsView(
                heading: text[.problems], intro: text[.problemsIntro],
                headers: [text[.severity], text[.place], text[.message]],
                problems: diagnostics.map {
                    ProblemView(
                        severity: $0.severity.rawValue, severityText: text[$0.severity == .error ? .error : .warning],
                        place: "\($0.location.path):\($0.location.line):\($0.location.column)",
                        message: "\($0.message) [\($0.rule.rawValue)]")
                }))
    }
}
