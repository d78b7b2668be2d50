extension CrossFileRules {
    /// SPEC §7: a review that says `continue` is for a student who stays key
    /// next term; one that says `change` or `close`, for one who does not.
    /// Checked only once the next term is written down in school.yml.
    mutating func checkReviews(_ records: [Record], students: [String: Student]) {
        guard let settings else { return }
        for record in records {
            guard let decision = record.content.read(.checking)?.review?.decision,
                let student = students[record.studentID]
            else { continue }
            let term = settings.term(asOf: record.date)
            guard let next = settings.term(after: term) else { continue }
            let key = student.isKey(in: next)
            switch decision {
            case .continue where !key:
                warning(
                    .reviewKey, at: record.source,
                    "the review says `decision: continue`, but \(student.id) is not a key student in term \(next.id): "
                        + "add \(next.id) to `key` in students/\(student.id)/index.md, or change the decision")
            case .change where key, .close where key:
                warning(
                    .reviewKey, at: record.source,
                    "the review says `decision: \(decision.rawValue)`, but \(student.id) is still a key student in "
                        + "term \(next.id): take \(next.id) out of `key` in students/\(student.id)/index.md, or change the decision"
                )
            default: break
            }
        }
    }
}
