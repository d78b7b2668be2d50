/// One term's figures in a comparison.
struct TermFigure {
    var term: Term
    var compliance: Double?
    var score: Double?
}

/// Compliance and score of each term up to the shown one (SPEC §7): a bar
/// chart of compliance with both numbers in its table.
extension PageBuilder {
    /// The comparison chart, or nil while there is only one term to show.
    func termComparison(id: String, title: String, scoreLabel: String? = nil, _ figures: [TermFigure]) -> ChartView? {
        guard figures.count > 1 else { return nil }
        let separator = text.locale == .zhCN ? "，" : ", "
        let summary = figures.map { figure in
            let score = scoreLabel == nil ? "" : " \(text[.score]) \(text.score(figure.score))"
            return "\(figure.term.name) \(text.percent(figure.compliance))\(score)"
        }
        var headers = [text[.term], text[.compliance]]
        if let scoreLabel { headers.append(scoreLabel) }
        return ChartView(
            id: id, title: title,
            svg: Chart.bars(
                id: id, title: title,
                figures.map {
                    Chart.Bar(label: $0.term.name, fraction: $0.compliance, text: text.percent($0.compliance))
                }),
            summary: summary.joined(separator: separator),
            headers: headers,
            rows: figures.map { figure in
                var cells = [figure.term.name, text.percent(figure.compliance)]
                if scoreLabel != nil { cells.append(text.score(figure.score)) }
                return TableRow(cells: cells)
            },
            tableLabel: text[.chartDataTable])
    }

    /// The school's compliance and its tutors' mean score, term by term.
    func schoolTermFigures() -> [TermFigure] {
        context.switcherTerms.map { term in
            TermFigure(
                term: term.term, compliance: term.compliance.school,
                score: mean(term.evaluation.tutors.map(\.score)))
        }
    }

    /// A class's compliance, term by term (terms it had students in).
    func classTermFigures(_ classID: String) -> [TermFigure] {
        context.switcherTerms.compactMap { term in
            guard let row = term.compliance(ofClass: classID), row.students > 0
            else { return nil }
            return TermFigure(term: term.term, compliance: row.compliance, score: nil)
        }
    }

    /// A tutor's compliance and score, term by term (terms they took part in).
    func tutorTermFigures(_ tutorID: String) -> [TermFigure] {
        context.switcherTerms.compactMap { term in
            guard let row = term.compliance(ofTutor: tutorID) else { return nil }
            let score = term.evaluation(ofTutor: tutorID)?.score
            guard row.compliance != nil || score != nil else { return nil }
            return TermFigure(term: term.term, compliance: row.compliance, score: score)
        }
    }
}
