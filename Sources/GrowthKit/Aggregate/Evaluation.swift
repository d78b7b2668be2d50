/// A tutor's grade by the bands of `school.yml`.
enum Grade: String, Sendable, Hashable, CaseIterable {
    case excellent, good, pass, fail
}

/// The parts of a tutor's evaluation, each 0…100; nil when missing.
struct EvaluationParts: Sendable, Hashable {
    /// Tutor compliance × 100.
    var records: Double?
    /// Mean parent survey score, 1…5 mapped to 0…100.
    var parents: Double?
    /// Mean student survey score, 1…5 mapped to 0…100.
    var students: Double?
    /// Forum attendance × 100.
    var forums: Double?
    /// Share of the tutor's records of the term written on time × 100 (SPEC
    /// §8); nil without git history.
    var timeliness: Double? = nil
}

/// How many of a tutor's records of a term were judged for timeliness, and
/// how many of those were written on time.
struct Timeliness: Sendable, Hashable {
    var judged: Int = 0
    var onTime: Int = 0

    var share: Double? { judged > 0 ? Double(onTime) / Double(judged) : nil }
}

/// What parents say of a tutor's contact, set against the tutor's own
/// records (seed 002: supervision by phone and questionnaire surveys).
struct ContactCheck: Sendable, Hashable {
    /// Parent answers counted for the tutor.
    var answers: Int = 0
    /// Of them, saying the tutor contacted them that month.
    var saidContacted: Int = 0
    /// Parent answers of a month in which the tutor recorded a phone or home
    /// visit to that student's family.
    var recorded: Int = 0
    /// Of those, saying the tutor did not contact them.
    var recordedButDenied: Int = 0
    /// Answers taken by phone and by questionnaire (others say no method).
    var byPhone: Int = 0
    var byQuestionnaire: Int = 0

    var saidContactedShare: Double? { answers > 0 ? Double(saidContacted) / Double(answers) : nil }

    /// The records say the families were contacted, most of those parents say not.
    var disagrees: Bool { recorded > 0 && recordedButDenied * 2 > recorded }
}

/// One tutor's evaluation.
struct TutorEvaluation: Sendable, Hashable {
    var tutorID: String
    var parts: EvaluationParts
    /// The weights actually used: the missing parts' dropped, the rest scaled to sum to 1.
    var weights: EvaluationSettings.Weights
    /// 0…100, rounded to one decimal: the grade and the ranking use this number.
    var score: Double?
    var grade: Grade?
    /// 1 for the best score; tutors without a score have none.
    var rank: Int?
    var isCommended: Bool
    var isCriticised: Bool
    /// Ranked among the best but not commended: a student of theirs is
    /// overdue on the as-of date (SPEC §3).
    var passedOverForOverdue: Bool = false
    /// Survey answers counted, by respondent.
    var parentAnswers: Int
    var studentAnswers: Int
    /// Share of answers saying the tutor made contact (nil without answers).
    var contactedShare: Double?
    /// The tutor's records of the term judged for timeliness.
    var timeliness: Timeliness = Timeliness()
    var contact = ContactCheck()
    /// The mean answer to each survey question of school.yml, 1…5, over all
    /// the tutor's answers that give one.
    var questionMeans: [String: Double] = [:]
}

/// The school's evaluation of its tutors (SPEC §3).
struct Evaluation: Sendable, Hashable {
    /// Ranked: best score first, tutors without a score last by id.
    var tutors: [TutorEvaluation]
    /// Ids of commended tutors, best first.
    var commended: [String]
    /// Ids of tutors graded fail, worst first.
    var criticised: [String]
}
