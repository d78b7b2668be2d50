/// The language every label, date and number of the site is written in.
public enum SiteLocale: String, Sendable, Hashable, CaseIterable {
    case zhCN = "zh-CN"
    case en
}

/// One term of the school year (SPEC §7): every figure is computed per term.
public struct Term: Sendable, Hashable, Identifiable {
    /// `2025-1`: how key-student lists and the site's `terms/<id>/` pages name it.
    public var id: String
    public var name: String
    public var start: Day
    public var end: Day
    /// This term's own rules, replacing the school's whole; nil: the school's.
    public var policy: Policy?
    /// This term's own evaluation settings, replacing the school's whole; nil: the school's.
    public var evaluation: EvaluationSettings?

    public init(
        id: String? = nil, name: String, start: Day, end: Day, policy: Policy? = nil,
        evaluation: EvaluationSettings? = nil
    ) {
        self.id = id ?? Term.defaultID(start: start)
        self.name = name
        self.start = start
        self.end = end
        self.policy = policy
        self.evaluation = evaluation
    }

    /// The id of a term given without one: `2025-1` for a term starting from
    /// August 2025 on, `2024-2` for one starting from January to July 2025.
    public static func defaultID(start: Day) -> String {
        start.month >= 8 ? "\(start.year)-1" : "\(start.year - 1)-2"
    }

    public func contains(_ day: Day) -> Bool { start <= day && day <= end }

    /// The years a term may fall in.
    public static let years = 1900...2199
}

/// Which students the policy's cadences apply to.
public enum PolicyScope: String, Sendable, Hashable, CaseIterable {
    case all
    case key
}

/// The school's rules: how often each kind of contact is due.
public struct Policy: Sendable, Hashable {
    public var appliesTo: PolicyScope
    /// Cadence per record type; a type that is absent is not required.
    public var records: [RecordType: Cadence]
    /// How often each tutor must attend the tutor forum, if at all.
    public var forum: Cadence?
    public var maxStudentsPerTutor: Int?
    public var graceDays: Int
    /// A record first committed more than this many days after its date is late.
    public var lateAfterDays: Int
    /// Record types that are confidential unless the record says
    /// `confidential: false`: visits to a family hold the family's details.
    public var confidentialByDefault: Set<RecordType>

    public static let defaultConfidential: Set<RecordType> = [.homeVisit, .phoneVisit]

    public init(
        appliesTo: PolicyScope = .all, records: [RecordType: Cadence] = [:], forum: Cadence? = nil,
        maxStudentsPerTutor: Int? = nil, graceDays: Int = 0, lateAfterDays: Int = 7,
        confidentialByDefault: Set<RecordType> = Policy.defaultConfidential
    ) {
        self.confidentialByDefault = confidentialByDefault
        self.appliesTo = appliesTo
        self.records = records
        self.forum = forum
        self.maxStudentsPerTutor = maxStudentsPerTutor
        self.graceDays = graceDays
        self.lateAfterDays = lateAfterDays
    }

    /// The required record types in a fixed order.
    public var requiredRecordTypes: [RecordType] { RecordType.allCases.filter { records[$0] != nil } }
}

/// How tutors are scored and graded.
public struct EvaluationSettings: Sendable, Hashable {
    public struct Weights: Sendable, Hashable {
        public var records: Double
        public var parents: Double
        public var students: Double
        public var forums: Double
        /// The share of records written on time; 0 unless a school weighs it.
        public var timeliness: Double

        public init(
            records: Double = 0.5, parents: Double = 0.2, students: Double = 0.2, forums: Double = 0.1,
            timeliness: Double = 0
        ) {
            self.records = records
            self.parents = parents
            self.students = students
            self.forums = forums
            self.timeliness = timeliness
        }
    }

    /// The lowest score of each grade; below `pass` is a fail.
    public struct GradeBands: Sendable, Hashable {
        public var excellent: Double
        public var good: Double
        public var pass: Double

        public init(excellent: Double = 90, good: Double = 75, pass: Double = 60) {
            self.excellent = excellent
            self.good = good
            self.pass = pass
        }
    }

    public var weights: Weights
    public var grades: GradeBands
    public var commendTop: Int
    /// Whether a tutor with a student overdue on the as-of date may be
    /// commended (SPEC §3); by default not.
    public var commendWithOverdue: Bool

    public init(
        weights: Weights = Weights(), grades: GradeBands = GradeBands(), commendTop: Int = 3,
        commendWithOverdue: Bool = false
    ) {
        self.weights = weights
        self.grades = grades
        self.commendTop = commendTop
        self.commendWithOverdue = commendWithOverdue
    }
}

/// Which students the dashboard and class pages list as needing attention now.
public struct AttentionRule: Sendable, Hashable {
    /// A fall in mood of at least this many points…
    public var moodDrop: Int
    /// …over the last this many mood readings of the term.
    public var readings: Int
    /// A latest mood at or below this.
    public var lowMood: Int

    public init(moodDrop: Int = 2, readings: Int = 3, lowMood: Int = 2) {
        self.moodDrop = moodDrop
        self.readings = readings
        self.lowMood = lowMood
    }
}

/// A question of the surveys beyond the overall score: a CSV column of its id.
public struct SurveyQuestion: Sendable, Hashable, Identifiable {
    public var id: String
    public var label: String

    public init(id: String, label: String) {
        self.id = id
        self.label = label
    }
}

/// `school.yml`: the school, its terms, its policy and how tutors are evaluated.
public struct SchoolSettings: Sendable, Hashable {
    public var name: String
    public var locale: SiteLocale
    /// An IANA time zone name; it decides what "today" is.
    public var timezone: String
    /// In date order, not overlapping; never empty.
    public var terms: [Term]
    /// The rules of every term that carries none of its own.
    public var policy: Policy
    /// The evaluation of every term that carries none of its own.
    public var evaluation: EvaluationSettings
    /// Records first committed before this day are not judged for timeliness:
    /// those a school brought in at once when it started with growth.
    public var lateEntriesFrom: Day?
    public var attention = AttentionRule()
    /// `survey: { questions: { care: 关心学生, … } }`, in the order written.
    public var surveyQuestions: [SurveyQuestion] = []

    public init(
        name: String, locale: SiteLocale = .zhCN, timezone: String = "Asia/Shanghai", terms: [Term],
        policy: Policy = Policy(), evaluation: EvaluationSettings = EvaluationSettings(), lateEntriesFrom: Day? = nil,
        attention: AttentionRule = AttentionRule(), surveyQuestions: [SurveyQuestion] = []
    ) {
        self.surveyQuestions = surveyQuestions
        precondition(!terms.isEmpty, "a school has at least one term")
        self.name = name
        self.locale = locale
        self.timezone = timezone
        self.terms = terms
        self.policy = policy
        self.evaluation = evaluation
        self.lateEntriesFrom = lateEntriesFrom
        self.attention = attention
    }

    /// A school of one term, as `term:` in `school.yml` writes it.
    public init(
        name: String, locale: SiteLocale = .zhCN, timezone: String = "Asia/Shanghai", term: Term,
        policy: Policy = Policy(), evaluation: EvaluationSettings = EvaluationSettings()
    ) {
        self.init(
            name: name, locale: locale, timezone: timezone, terms: [term], policy: policy, evaluation: evaluation)
    }

    /// The rules in force in `term`.
    public func policy(for term: Term) -> Policy { term.policy ?? policy }

    /// Whether `record` was written late (SPEC §8), by the rules of the term
    /// it falls in: nil when it is not judged (no history, or committed
    /// before `lateEntriesFrom`).
    public func isLate(_ record: Record) -> Bool? {
        guard let written = record.written else { return nil }
        if let from = lateEntriesFrom, written < from { return nil }
        return record.date.days(to: written) > policy(for: term(asOf: record.date)).lateAfterDays
    }

    /// The evaluation settings of `term`.
    public func evaluation(for term: Term) -> EvaluationSettings { term.evaluation ?? evaluation }

    /// The term holding `day`, if any (a day between terms has none).
    public func term(containing day: Day) -> Term? { terms.first { $0.contains(day) } }

    /// The term an as-of date shows (SPEC §7): the one that contains it, else
    /// the last that ended before it; before the first term, the first.
    public func term(asOf day: Day) -> Term { terms[termIndex(asOf: day)] }

    /// Where in `terms` the term an as-of date shows is.
    func termIndex(asOf day: Day) -> Int { terms.lastIndex { $0.start <= day } ?? 0 }

    /// The term after `term`, if the school has written it down yet.
    public func term(after term: Term) -> Term? {
        terms.first { $0.start > term.end }
    }

    /// The whole span the terms cover, from the first day of the first to the
    /// last day of the last.
    public var span: (start: Day, end: Day) { (terms[0].start, terms[terms.count - 1].end) }
}
