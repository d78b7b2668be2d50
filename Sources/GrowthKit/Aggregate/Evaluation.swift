/// A tutor's grade by the bands of `school.yml`.
public enum Grade: String, Sendable, Hashable, CaseIterable {
    case excellent, good, pass, fail
}

/// The parts of a tutor's evaluation, each 0…100; nil when missing.
public struct EvaluationParts: Sendable, Hashable {
    /// Tutor compliance × 100.
    public var records: Double?
    /// Mean parent survey score, 1…5 mapped to 0…100.
    public var parents: Double?
    /// Mean student survey score, 1…5 mapped to 0…100.
    public var students: Double?
    /// Forum attendance × 100.
    public var forums: Double?
    /// Share of the tutor's records of the term written on time × 100 (SPEC
    /// §8); nil without git history.
    public var timeliness: Double? = nil
}

/// How many of a tutor's records of a term were judged for timeliness, and
/// how many of those were written on time.
public struct Timeliness: Sendable, Hashable {
    public var judged: Int = 0
    public var onTime: Int = 0

    public var share: Double? { judged > 0 ? Double(onTime) / Double(judged) : nil }
}

/// What parents say of a tutor's contact, set against the tutor's own
/// records (seed 002: supervision by phone and questionnaire surveys).
public struct ContactCheck: Sendable, Hashable {
    /// Parent answers counted for the tutor.
    public var answers: Int = 0
    /// Of them, saying the tutor contacted them that month.
    public var saidContacted: Int = 0
    /// Parent answers of a month in which the tutor recorded a phone or home
    /// visit to that student's family.
    public var recorded: Int = 0
    /// Of those, saying the tutor did not contact them.
    public var recordedButDenied: Int = 0
    /// Answers taken by phone and by questionnaire (others say no method).
    public var byPhone: Int = 0
    public var byQuestionnaire: Int = 0

    public var saidContactedShare: Double? { answers > 0 ? Double(saidContacted) / Double(answers) : nil }

    /// The records say the families were contacted, most of those parents say not.
    public var disagrees: Bool { recorded > 0 && recordedButDenied * 2 > recorded }
}

/// One tutor's evaluation.
public struct TutorEvaluation: Sendable, Hashable {
    public var tutorID: String
    public var parts: EvaluationParts
    /// The weights actually used: the missing parts' dropped, the rest scaled to sum to 1.
    public var weights: EvaluationSettings.Weights
    /// 0…100, rounded to one decimal: the grade and the ranking use this number.
    public var score: Double?
    public var grade: Grade?
    /// 1 for the best score; tutors without a score have none.
    public var rank: Int?
    public var isCommended: Bool
    public var isCriticised: Bool
    /// Ranked among the best but not commended: a student of theirs is
    /// overdue on the as-of date (SPEC §3).
    public var passedOverForOverdue: Bool = false
    /// Survey answers counted, by respondent.
    public var parentAnswers: Int
    public var studentAnswers: Int
    /// Share of answers saying the tutor made contact (nil without answers).
    public var contactedShare: Double?
    /// The tutor's records of the term judged for timeliness.
    public var timeliness: Timeliness = Timeliness()
    public var contact = ContactCheck()
    /// The mean answer to each survey question of school.yml, 1…5, over all
    /// the tutor's answers that give one.
    public var questionMeans: [String: Double] = [:]
}

/// The school's evaluation of its tutors (SPEC §3).
public struct Evaluation: Sendable, Hashable {
    /// Ranked: best score first, tutors without a score last by id.
    public var tutors: [TutorEvaluation]
    /// Ids of commended tutors, best first.
    public var commended: [String]
    /// Ids of tutors graded fail, worst first.
    public var criticised: [String]
}
