/// Each policy item for a group of students: the closed periods' figure, and
/// beside it the period still open, so work done in it shows (SPEC §3 judges
/// closed periods only; a term-long home visit would look undone all term).
struct ProgressView: Sendable, Encodable {
    var heading: String
    /// What each figure counts, in one line: a closed-period figure and an
    /// overdue flag can seem to disagree.
    var explanation: String
    var headers: [String]
    var rows: [TableRow]
}

extension PageBuilder {
    /// The items of the shown term for `ids`; nil when nothing is required.
    func progress(of ids: [String]) -> ProgressView? {
        let report = term.compliance
        guard !report.requiredItems.isEmpty else { return nil }
        let rows = ids.compactMap { term.compliance(ofStudent: $0) }.filter(\.isRequired)
        let zh = text.locale == .zhCN
        let table = report.requiredItems.map { type -> TableRow in
            var closed = ItemCompliance()
            for row in rows { if let item = row.items[type] { closed.add(item) } }
            let open = rows.compactMap { $0.open[type] }
            let termLong = term.policy.records[type] == .term
            let openText =
                open.isEmpty
                ? "–"
                : zh
                    ? "\(termLong ? "本学期" : "本期")已做 \(open.count { $0.done })/\(open.count)"
                    : "\(termLong ? "this term" : "this period"): \(open.count { $0.done }) of \(open.count)"
            return TableRow(cells: [
                text.recordType(type), text.cadence(term.policy.records[type]!),
                "\(closed.met)/\(closed.due)", text.percent(closed.ratio), openText,
            ])
        }
        return ProgressView(
            heading: text[.progress], explanation: text[.complianceVsOverdue],
            headers: [text[.item], text[.cadenceColumn], text[.closedPeriods], text[.compliance], text[.openPeriod]],
            rows: table)
    }

    /// One student's open period of an item, as the growth file shows it.
    func openText(_ open: OpenPeriod?) -> String {
        guard let open else { return "–" }
        let zh = text.locale == .zhCN
        if open.done { return zh ? "本期已完成" : "done this period" }
        guard let days = open.daysSince else { return zh ? "本期尚未 · 本学期未记录" : "not yet · none this term" }
        return zh ? "本期尚未 · 距上次\(days)天" : "not yet · \(text.days(days)) since the last"
    }
}
