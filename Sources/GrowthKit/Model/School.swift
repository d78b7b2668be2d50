/// The validated content of a school: everything later stages compute from.
///
/// Lists are sorted by id (records by student, date, type and id), so every
/// stage that walks them produces the same output for the same content.
public struct School: Sendable, Hashable {
    public var settings: SchoolSettings
    public var classes: [SchoolClass]
    public var tutors: [Tutor]
    public var students: [Student]
    public var records: [Record]
    public var forums: [Forum]
    public var surveys: [SurveyResponse]
    /// Tutors' summaries, by tutor and date.
    public var summaries: [TutorSummary]

    public init(
        settings: SchoolSettings, classes: [SchoolClass] = [], tutors: [Tutor] = [], students: [Student] = [],
        records: [Record] = [], forums: [Forum] = [], surveys: [SurveyResponse] = [], summaries: [TutorSummary] = []
    ) {
        self.summaries = summaries
        self.settings = settings
        self.classes = classes
        self.tutors = tutors
        self.students = students
        self.records = records
        self.forums = forums
        self.surveys = surveys
    }
}
