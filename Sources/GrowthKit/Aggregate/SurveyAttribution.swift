extension School {
    /// Survey answers of one term up to a day, by the tutor they count for:
    /// the student's tutor on the answer's date (SPEC §2). Answers for a
    /// student with no tutor that day count for nobody.
    func answersByTutor(in term: Term, upTo last: Day) -> [String: [SurveyResponse]] {
        let students = Dictionary(uniqueKeysWithValues: students.map { ($0.id, $0) })
        var answers: [String: [SurveyResponse]] = [:]
        for response in surveys where term.contains(response.date) && response.date <= last {
            guard let tutor = students[response.studentID]?.tutor(on: response.date) else { continue }
            answers[tutor, default: []].append(response)
        }
        return answers
    }
}
