extension CrossFileRules {
    mutating func buildSummaries(_ parsed: [Parsed<TutorSummary>]) -> [TutorSummary] {
        parsed.compactMap { parsed -> TutorSummary? in
            let summary = parsed.value
            guard ids.tutors.contains(summary.tutorID) else {
                error(
                    .missingFile, at: summary.source,
                    "there is no tutors/\(summary.tutorID).md, so the summary has no tutor; it is left out")
                return nil
            }
            guard checkDate(summary.date, at: parsed.dateLocation ?? summary.source, what: "the summary") else {
                return nil
            }
            return summary
        }.sorted { ($0.tutorID, $0.date, $0.id) < ($1.tutorID, $1.date, $1.id) }
    }
}
