/// Reads the terms of `school.yml` (SPEC §7): `terms:`, a list in date order,
/// or the single `term:` of SPEC §2, a list of one.
enum TermsParser {
    static let shape = "`{ id: 2025-1, name: …, start: YYYY-MM-DD, end: YYYY-MM-DD }`"

    static func parse(_ fields: YAMLFields) -> [Term]? {
        let file = fields.file
        if fields.has("term"), fields.has("terms") {
            file.error(
                .invalidValue, at: fields.keyLocation("term"),
                "give either `term` or a `terms` list, not both; `terms` is used")
        }
        if fields.has("terms") {
            guard let items = fields.list("terms", what: "a list of \(shape)") else { return nil }
            let terms = items.compactMap { item -> (Term, YAMLFields)? in
                guard let mapping = item.pairs else {
                    file.error(.wrongType, at: file.location(of: item), "each item of `terms` must be \(shape)")
                    return nil
                }
                let entry = YAMLFields(mapping, in: file, at: file.location(of: item))
                return term(entry, idRequired: true).map { ($0, entry) }
            }
            let usable = checkOrder(terms, in: file)
            return usable.isEmpty ? nil : usable
        }
        guard let single = fields.fields("term", required: true, what: shape) else { return nil }
        return term(single, idRequired: false).map { [$0] }
    }

    /// One term; nil (with a diagnostic) when a required part is broken.
    static func term(_ fields: YAMLFields, idRequired: Bool) -> Term? {
        let file = fields.file
        fields.rejectUnknownKeys(["id", "name", "start", "end", "policy", "evaluation"], in: "a term")
        let id = fields.string("id", required: idRequired, what: "the term's id, e.g. 2025-1")
        if let id, !ContentLayout.isValidID(id) {
            file.error(
                .invalidValue, at: fields.valueLocation("id"),
                "`id: \(id)` may hold only lower-case letters, digits, `-` and `_`")
            return nil
        }
        let name = fields.string("name", required: true, what: "the term's name")
        let start = fields.day("start", required: true)
        let end = fields.day("end", required: true)
        let context = "the policy of term \(id ?? name ?? "")"
        let policy = fields.fields("policy", what: "a mapping of policy items").map {
            SettingsParser.parsePolicy($0, in: context)
        }
        let evaluation = fields.fields("evaluation", what: "a mapping with weights, grades and commend_top").map(
            SettingsParser.parseEvaluation)
        guard let name, let start, let end else { return nil }
        // Far-off years are typing mistakes, and would overflow the calendar's arithmetic.
        for (key, day) in [("start", start), ("end", end)] where !Term.years.contains(day.year) {
            file.error(
                .invalidValue, at: fields.valueLocation(key),
                "`\(key): \(day)` is not a year a school runs: use a year from \(Term.years.lowerBound) to \(Term.years.upperBound)"
            )
            return nil
        }
        guard start <= end else {
            file.error(
                .invalidValue, at: fields.valueLocation("end"), "the term ends (\(end)) before it starts (\(start))")
            return nil
        }
        return Term(id: id, name: name, start: start, end: end, policy: policy, evaluation: evaluation)
    }

    /// Terms must come in date order, not overlap, and have distinct ids.
    /// Returns the terms a build can still use (with `--allow-errors`): in
    /// date order, without a repeated id or a term overlapping an earlier one.
    static func checkOrder(_ terms: [(Term, YAMLFields)], in file: FileDiagnostics) -> [Term] {
        var seen: [String: SourceLocation] = [:]
        var distinct: [Term] = []
        for (term, fields) in terms {
            if let first = seen[term.id] {
                file.error(
                    .duplicateID, at: fields.valueLocation("id"),
                    "the term id `\(term.id)` is given twice; the first is at line \(first.line); this one is left out")
                continue
            }
            seen[term.id] = fields.valueLocation("id")
            distinct.append(term)
        }
        var usable: [Term] = []
        for term in distinct.sorted(by: { $0.start < $1.start }) {
            if let last = usable.last, term.start <= last.end { continue }
            usable.append(term)
        }
        for (previous, next) in zip(terms, terms.dropFirst()) {
            let (a, b) = (previous.0, next.0)
            if b.start < a.start {
                file.error(
                    .termOrder, at: next.1.valueLocation("start"),
                    "term \(b.id) starts (\(b.start)) before term \(a.id) (\(a.start)): list the terms in date order")
            } else if b.start <= a.end {
                file.error(
                    .termOrder, at: next.1.valueLocation("start"),
                    "term \(b.id) starts (\(b.start)) before term \(a.id) ends (\(a.end)): terms must not overlap")
            }
        }
        return usable
    }
}
