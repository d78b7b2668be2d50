/// The Content-Security-Policy of the default layout, and the check that a
/// school's own layout allows no more than it.
enum ContentSecurityPolicy {
    /// Directive → the sources it allows, as the default layout says.
    static let defaults: [String: Set<String>] = [
        "default-src": ["'none'"], "style-src": ["'self'"], "script-src": ["'self'"], "img-src": ["'self'", "data:"],
        "base-uri": ["'none'"], "form-action": ["'none'"],
    ]

    /// What the CSP in `html` allows beyond the default, or nil when nothing.
    static func widening(_ html: String) -> String? {
        guard let meta = html.range(of: "http-equiv=\"Content-Security-Policy\"") else { return "there is none" }
        let rest = html[meta.upperBound...]
        guard let open = rest.range(of: "content=\""), let close = rest[open.upperBound...].firstIndex(of: "\"") else {
            return "it has no content"
        }
        var given: [String: Set<String>] = [:]
        for directive in rest[open.upperBound..<close].split(separator: ";") {
            let words = directive.split(whereSeparator: \.isWhitespace).map(String.init)
            guard let name = words.first?.lowercased() else { continue }
            given[name] = Set(words.dropFirst())
        }
        guard given["default-src"] == ["'none'"] else { return "`default-src` must be 'none'" }
        for (name, sources) in given.sorted(by: { $0.key < $1.key }) {
            // A directive the default leaves out falls back to default-src 'none'.
            let allowed = defaults[name] ?? ["'none'"]
            let extra = sources.subtracting(allowed).subtracting(["'none'"])
            if !extra.isEmpty { return "`\(name) \(extra.sorted().joined(separator: " "))`" }
        }
        return nil
    }
}
