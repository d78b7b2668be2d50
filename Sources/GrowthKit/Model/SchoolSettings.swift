/// The language every label, date and number of the site is written in.
public enum SiteLocale: String, Sendable, Hashable, CaseIterable {
    case zhCN = "zh-CN"
    case en
}

/// The term the site covers.
public struct Term: Sendable, Hashable {
    public var name: String
    public var start: Day
    public var end: Day

    public init(name: String, start: Day, end: Day) {
        self.name = name
        self.start = start
        self.end = end
    }

    public func contains(_ day: Day) -> Bool { start <= day && day <= end }

    /// The day clamped into the term.
    public func clamp(_ day: Day) -> Day { min(max(day, start), end) }
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

    public init(
        appliesTo: PolicyScope = .all, records: [RecordType: Cadence] = [:], forum: Cadence? = nil,
        maxStudentsPerTutor: Int? = nil, graceDays: Int = 0
    ) {
        self.appliesTo = appliesTo
        self.records = records
        self.forum = forum
        self.maxStudentsPerTutor = maxStudentsPerTutor
        self.graceDays = graceDays
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

        public init(records: Double = 0.5, parents: Double = 0.2, students: Double = 0.2, forums: Double = 0.1) {
            self.records = records
            self.parents = parents
            self.students = students
            self.forums = forums
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

    public init(weights: Weights = Weights(), grades: GradeBands = GradeBands(), commendTop: Int = 3) {
        self.weights = weights
        self.grades = grades
        self.commendTop = commendTop
    }
}

/// `school.yml`: the school, its term, its policy and how tutors are evaluated.
public struct SchoolSettings: Sendable, Hashable {
    public var name: String
    public var locale: SiteLocale
    /// An IANA time zone name; it decides what "today" is.
    public var timezone: String
    public var term: Term
    public var policy: Policy
    public var evaluation: EvaluationSettings

    public init(
        name: String, locale: SiteLocale = .zhCN, timezone: String = "Asia/Shanghai", term: Term,
        policy: Policy = Policy(), evaluation: EvaluationSettings = EvaluationSettings()
    ) {
        self.name = name
        self.locale = locale
        self.timezone = timezone
        self.term = term
        self.policy = policy
        self.evaluation = evaluation
    }
}
