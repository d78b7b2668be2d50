extension CrossFileRules {
    mutating func buildSurveys(_ rows: [Parsed<SurveyResponse>], students: [String: Student]) -> [SurveyResponse] {
        var seen: [String: SourceLocation] = [:]
        var responses: [SurveyResponse] = []
        let questions = Set(settings?.surveyQuestions.map(\.id) ?? [])
        var unknownColumns: Set<SourceLocation> = []
        rows: for parsed in rows {
            var response = parsed.value
            for (id, text) in parsed.cells.sorted(by: { $0.key < $1.key }) {
                guard questions.contains(id) else {
                    if let header = parsed.fieldLocations["question:" + id], unknownColumns.insert(header).inserted {
                        warning(
                            .csvHeader, at: header,
                            "school.yml names no survey question `\(id)` (`survey: { questions: { \(id): … } }`); the column is not read"
                        )
                    }
                    continue
                }
                if text.isEmpty { continue }
                guard let score = Int(text), (1...5).contains(score) else {
                    error(
                        .csvValue, at: parsed.fieldLocations["cell:" + id] ?? response.source,
                        "`\(id)` `\(text)` must be a whole number from 1 to 5; the answer is left out")
                    continue rows
                }
                response.questions[id] = score
            }
            guard unresolved(parsed.references).isEmpty, let student = students[response.studentID] else { continue }
            guard checkDate(response.date, at: parsed.dateLocation ?? response.source, what: "the answer") else {
                continue
            }
            let key = "\(response.date)|\(response.respondent.rawValue)|\(response.studentID)"
            if let first = seen[key] {
                error(
                    .duplicateRecord, at: response.source,
                    "a second answer of \(response.date) from the \(response.respondent.rawValue) of "
                        + "\(response.studentID); the first is at \(first.path):\(first.line), this one is left out")
                continue
            }
            seen[key] = response.source
            if student.tutor(on: response.date) == nil {
                warning(
                    .noTutor, at: response.source,
                    "\(response.studentID) had no tutor on \(response.date): the answer counts for no tutor")
            }
            responses.append(response)
        }
        return responses.sorted {
            ($0.date, $0.studentID, $0.respondent.rawValue, $0.source) < (
                $1.date, $1.studentID, $1.respondent.rawValue, $1.source
            )
        }
    }
}
