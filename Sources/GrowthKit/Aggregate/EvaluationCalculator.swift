import Foundation

/// Scores, grades and ranks tutors: a pure function of the school, one term
/// and that term's compliance.
enum EvaluationCalculator {
    static func evaluate(_ school: School, term: Term, compliance: ComplianceReport) -> Evaluation {
        let settings = school.settings.evaluation(for: term)
        let asOf = compliance.asOf
        let answers = school.answersByTutor(in: term, upTo: asOf)
        let termRecords = school.records.filter { term.contains($0.date) && $0.date <= asOf && $0.tutorID != nil }
        let recordCounts = Dictionary(grouping: termRecords.map { $0.tutorID! }, by: { $0 }).mapValues(\.count)
        var timeliness: [String: Timeliness] = [:]
        for record in termRecords {
            guard let late = school.settings.isLate(record) else { continue }
            timeliness[record.tutorID!, default: .init()].judged += 1
            if !late { timeliness[record.tutorID!, default: .init()].onTime += 1 }
        }
        let byTutor = Dictionary(uniqueKeysWithValues: compliance.tutors.map { ($0.tutorID, $0) })
        // Per tutor, the student-months with a phone or home visit recorded.
        var visited: [String: Set<String>] = [:]
        for record in termRecords where record.type == .phoneVisit || record.type == .homeVisit {
            visited[record.tutorID!, default: []].insert(monthKey(record.studentID, record.date))
        }

        var evaluations = compliance.tutors.map(\.tutorID).map { id in
            let theirs = answers[id] ?? []
            let parents = theirs.filter { $0.respondent == .parent }
            let pupils = theirs.filter { $0.respondent == .student }
            let onTime = timeliness[id] ?? Timeliness()
            let parts = EvaluationParts(
                records: byTutor[id]?.compliance.map { $0 * 100 },
                parents: surveyPart(parents), students: surveyPart(pupils),
                forums: byTutor[id]?.forums?.ratio.map { $0 * 100 }, timeliness: onTime.share.map { $0 * 100 })
            let (score, weights) = weigh(parts, settings.weights)
            var evaluation = TutorEvaluation(
                tutorID: id, parts: parts, weights: weights, score: score,
                grade: score.map { grade($0, settings.grades) }, rank: nil, isCommended: false, isCriticised: false,
                parentAnswers: parents.count, studentAnswers: pupils.count,
                contactedShare: theirs.isEmpty
                    ? nil : Double(theirs.count { $0.contacted }) / Double(theirs.count), timeliness: onTime)
            evaluation.contact = contactCheck(parents, visited: visited[id] ?? [])
            evaluation.questionMeans = questionMeans(theirs)
            return evaluation
        }
        evaluations.sort { a, b in
            order(a, recordCounts[a.tutorID] ?? 0) < order(b, recordCounts[b.tutorID] ?? 0)
        }
        let commended = rank(&evaluations, settings, compliance)
        let criticised = evaluations.filter(\.isCriticised).map(\.tutorID).reversed()
        return Evaluation(tutors: evaluations, commended: commended, criticised: Array(criticised))
    }

    /// What the tutor's parents say of contact, against the student-months
    /// with a visit the tutor recorded.
    static func contactCheck(_ parents: [SurveyResponse], visited: Set<String>) -> ContactCheck {
        var contact = ContactCheck()
        for answer in parents {
            contact.answers += 1
            if answer.contacted { contact.saidContacted += 1 }
            if answer.method == .phone { contact.byPhone += 1 }
            if answer.method == .questionnaire { contact.byQuestionnaire += 1 }
            if visited.contains(monthKey(answer.studentID, answer.date)) {
                contact.recorded += 1
                if !answer.contacted { contact.recordedButDenied += 1 }
            }
        }
        return contact
    }

    /// The mean answer to each survey question, over the answers that give one.
    static func questionMeans(_ answers: [SurveyResponse]) -> [String: Double] {
        var sums: [String: (total: Int, count: Int)] = [:]
        for answer in answers {
            for (question, value) in answer.questions {
                sums[question, default: (0, 0)].total += value
                sums[question, default: (0, 0)].count += 1
            }
        }
        return sums.mapValues { Double($0.total) / Double($0.count) }
    }

    /// Ranks the sorted evaluations, commends the best (SPEC §3: not one with a
    /// student overdue, unless the school allows it) and names those who fail.
    /// Returns the commended ids, best first.
    static func rank(
        _ evaluations: inout [TutorEvaluation], _ settings: EvaluationSettings, _ compliance: ComplianceReport
    ) -> [String] {
        // Tutors with a student overdue on the as-of date.
        let students = Dictionary(uniqueKeysWithValues: compliance.students.map { ($0.studentID, $0) })
        let behind = Set(compliance.overdue.compactMap { students[$0.studentID]?.tutorID })
        var rank = 0
        var commended: [String] = []
        for index in evaluations.indices where evaluations[index].score != nil {
            rank += 1
            evaluations[index].rank = rank
            if commended.count < settings.commendTop, let grade = evaluations[index].grade,
                grade == .excellent || grade == .good
            {
                if !settings.commendWithOverdue, behind.contains(evaluations[index].tutorID) {
                    evaluations[index].passedOverForOverdue = true
                } else {
                    evaluations[index].isCommended = true
                    commended.append(evaluations[index].tutorID)
                }
            }
            if evaluations[index].grade == .fail { evaluations[index].isCriticised = true }
        }
        return commended
    }

    /// The ranking order: higher score first; on a tie the higher records part
    /// (what the tutor did, over what others said), then more records written,
    /// then the id so the order is stable. Tutors without a score come last.
    static func order(_ e: TutorEvaluation, _ records: Int) -> (Int, Double, Double, Int, String) {
        (e.score == nil ? 1 : 0, -(e.score ?? 0), -(e.parts.records ?? -1), -records, e.tutorID)
    }

    /// `<student>|<year>-<month>`: the month an answer speaks of.
    static func monthKey(_ student: String, _ day: Day) -> String { "\(student)|\(day.year)-\(day.month)" }

    /// Mean score 1…5 mapped to 0…100; nil without answers.
    static func surveyPart(_ answers: [SurveyResponse]) -> Double? {
        guard !answers.isEmpty else { return nil }
        let mean = Double(answers.reduce(0) { $0 + $1.score }) / Double(answers.count)
        return (mean - 1) / 4 * 100
    }

    /// The weighted score over the parts present, weights rescaled to sum to 1.
    static func weigh(_ parts: EvaluationParts, _ weights: EvaluationSettings.Weights) -> (
        Double?, EvaluationSettings.Weights
    ) {
        let pairs: [(Double?, Double)] = [
            (parts.records, weights.records), (parts.parents, weights.parents),
            (parts.students, weights.students), (parts.forums, weights.forums),
            (parts.timeliness, weights.timeliness),
        ]
        let total = pairs.reduce(0) { $0 + ($1.0 == nil ? 0 : $1.1) }
        guard total > 0 else { return (nil, .init(records: 0, parents: 0, students: 0, forums: 0)) }
        let used = pairs.map { $0.0 == nil ? 0 : $0.1 / total }
        let score = zip(pairs, used).reduce(0) { $0 + ($1.0.0 ?? 0) * $1.1 }
        return (
            (score * 10).rounded() / 10,
            .init(records: used[0], parents: used[1], students: used[2], forums: used[3], timeliness: used[4])
        )
    }

    static func grade(_ score: Double, _ bands: EvaluationSettings.GradeBands) -> Grade {
        if score >= bands.excellent { return .excellent }
        if score >= bands.good { return .good }
        if score >= bands.pass { return .pass }
        return .fail
    }
}
