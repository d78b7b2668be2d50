/// What a record is about.
public enum RecordType: String, Sendable, Hashable, CaseIterable, Comparable {
    case talk
    case report
    case phoneVisit = "phone-visit"
    case homeVisit = "home-visit"
    case contact
    case observation
    /// What a pair of growth partners did together (seed 000), written in
    /// the folder of either student.
    case partner
    /// The tutor's term review of the student (SPEC §7).
    case review

    /// The order types are listed in: the policy's order.
    public var rank: Int {
        switch self {
        case .talk: 0
        case .report: 1
        case .phoneVisit: 2
        case .homeVisit: 3
        case .contact: 4
        case .observation: 5
        case .partner: 6
        case .review: 7
        }
    }

    public static func < (lhs: RecordType, rhs: RecordType) -> Bool { lhs.rank < rhs.rank }
}

/// The areas of a student's life a record touches.
public enum Area: String, Sendable, Hashable, CaseIterable {
    case thought, study, psychology, behaviour, life, health, family, career
}

/// What a term review decides about tracking a key student next term.
public enum ReviewDecision: String, Sendable, Hashable, CaseIterable {
    /// Keep the student as a key student.
    case `continue`
    /// Change the tracked focus: the student is no longer key.
    case change
    /// Close the tracking: the student no longer needs it.
    case close
}

/// The verdict of a `review` record.
public struct Review: Sendable, Hashable {
    /// 1...5: the guidance effect over the term.
    public var effect: Int?
    public var decision: ReviewDecision?

    public init(effect: Int? = nil, decision: ReviewDecision? = nil) {
        self.effect = effect
        self.decision = decision
    }
}

/// Something the tutor has promised to do.
public struct FollowUp: Sendable, Hashable {
    public var action: String
    public var due: Day?
    public var done: Bool
    public var source: SourceLocation
}

/// One note in a student's growth file. Its date, type and tutor are open to
/// every reader (a confidential record still counts for compliance); what it
/// says is `content`, confidential when the record is.
///
/// Its fields sit behind one reference, copied when a shared record is
/// changed: a record is copied often (grouped by student, tutor and term, and
/// handed again from `growth serve`'s parse cache on every rebuild), and a
/// copy is then one reference counted instead of five strings.
public struct Record: Sendable, Hashable, Identifiable {
    /// `<student>/<file name without .md>`.
    public var id: String {
        get { fields.id }
        set { unique().id = newValue }
    }
    public var studentID: String {
        get { fields.studentID }
        set { unique().studentID = newValue }
    }
    public var date: Day {
        get { fields.date }
        set { unique().date = newValue }
    }
    public var type: RecordType {
        get { fields.type }
        set { unique().type = newValue }
    }
    /// Who wrote it: given, or the student's tutor on that date.
    public var tutorID: String? {
        get { fields.tutorID }
        set { unique().tutorID = newValue }
    }
    /// The day the record was first committed to git, when the history is read.
    public var written: Day? {
        get { fields.written }
        set { unique().written = newValue }
    }
    public var content: Guarded<RecordContent> {
        get { fields.content }
        set { unique().content = newValue }
    }
    public var source: SourceLocation {
        get { fields.source }
        set { unique().source = newValue }
    }

    /// Whether what the record says is confidential.
    public var isConfidential: Bool { content.isConfidential }

    private var fields: Fields

    init(
        id: String, studentID: String, date: Day, type: RecordType, slug: String?, tutorID: String?, mood: Int?,
        areas: [Area], duration: Int?, isConfidential: Bool, followUps: [FollowUp], review: Review? = nil,
        written: Day? = nil, body: MarkdownBody, source: SourceLocation
    ) {
        fields = Fields(
            id: id, studentID: studentID, date: date, type: type, tutorID: tutorID, written: written,
            content: Guarded(
                RecordContent(
                    slug: slug, mood: mood, areas: areas, duration: duration, followUps: followUps, review: review,
                    body: body),
                confidential: isConfidential),
            source: source)
    }

    /// The fields, of this record alone: copied first when another record shares them.
    private mutating func unique() -> Fields {
        if !isKnownUniquelyReferenced(&fields) { fields = fields.copy() }
        return fields
    }

    public static func == (a: Record, b: Record) -> Bool {
        a.fields === b.fields
            || (a.id == b.id && a.studentID == b.studentID && a.date == b.date && a.type == b.type
                && a.tutorID == b.tutorID && a.written == b.written && a.content == b.content && a.source == b.source)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(studentID)
        hasher.combine(date)
        hasher.combine(type)
        hasher.combine(tutorID)
        hasher.combine(written)
        hasher.combine(content)
        hasher.combine(source)
    }

    /// Changed only through `unique()`, so never while another record or
    /// another thread holds it: what makes it safe to send.
    private final class Fields: @unchecked Sendable {
        var id: String
        var studentID: String
        var date: Day
        var type: RecordType
        var tutorID: String?
        var written: Day?
        var content: Guarded<RecordContent>
        var source: SourceLocation

        init(
            id: String, studentID: String, date: Day, type: RecordType, tutorID: String?, written: Day?,
            content: Guarded<RecordContent>, source: SourceLocation
        ) {
            self.id = id
            self.studentID = studentID
            self.date = date
            self.type = type
            self.tutorID = tutorID
            self.written = written
            self.content = content
            self.source = source
        }

        func copy() -> Fields {
            Fields(
                id: id, studentID: studentID, date: date, type: type, tutorID: tutorID, written: written,
                content: content, source: source)
        }
    }
}

/// What a record says: everything of it a confidential record keeps from
/// staff. A field added here is confidential with the rest.
public struct RecordContent: Sendable, Hashable {
    /// The end of the file name, which may say what the talk was about.
    public var slug: String?
    /// 1...5.
    public var mood: Int?
    public var areas: [Area]
    /// Minutes.
    public var duration: Int?
    public var followUps: [FollowUp]
    /// Only for `review` records.
    public var review: Review?
    public var body: MarkdownBody
}

/// `tutors/<id>/<date>-summary[-slug].md`: a tutor's own summary of their
/// work (及时总结工作经验), which staff may read unless it is confidential.
public struct TutorSummary: Sendable, Hashable, Identifiable {
    /// `<tutor>/<file name without .md>`.
    public var id: String
    public var tutorID: String
    public var date: Day
    public var content: Guarded<SummaryContent>
    public var source: SourceLocation

    public var isConfidential: Bool { content.isConfidential }

    init(
        id: String, tutorID: String, date: Day, title: String?, isConfidential: Bool, body: MarkdownBody,
        source: SourceLocation
    ) {
        self.id = id
        self.tutorID = tutorID
        self.date = date
        content = Guarded(SummaryContent(title: title, body: body), confidential: isConfidential)
        self.source = source
    }
}

/// What a tutor's summary says.
public struct SummaryContent: Sendable, Hashable {
    public var title: String?
    public var body: MarkdownBody
}

/// `forums/<date>[-slug].md`: a monthly tutor forum, with its case analysis.
public struct Forum: Sendable, Hashable, Identifiable {
    public var id: String
    public var date: Day
    public var topic: String
    public var host: String?
    public var attendees: [String]
    /// Student ids analysed.
    public var cases: [String]
    public var analysis: Confidential<MarkdownBody>
    public var source: SourceLocation
}

/// Who answered a survey.
public enum Respondent: String, Sendable, Hashable, CaseIterable {
    case parent
    case student
}

/// How a survey answer was taken (seed 002: 电话回访、问卷调查).
public enum SurveyMethod: String, Sendable, Hashable, CaseIterable {
    case phone
    case questionnaire
}

/// One row of a survey CSV.
public struct SurveyResponse: Sendable, Hashable {
    public var date: Day
    public var respondent: Respondent
    public var studentID: String
    /// 1...5.
    public var score: Int
    /// Did the tutor contact you this month?
    public var contacted: Bool
    public var comment: Confidential<String>
    /// nil when the file has no `method` column or the cell is empty.
    public var method: SurveyMethod? = nil
    /// Per question of `survey.questions` in school.yml, 1...5; a question
    /// left blank is absent.
    public var questions: [String: Int] = [:]
    public var source: SourceLocation
}
