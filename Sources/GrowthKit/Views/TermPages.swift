/// The pages of one term: dashboard, evaluation, forums, and a page for each
/// class and tutor. It builds each page's own indexes once, hands every
/// builder only what its page reads, and makes each page only when called:
/// the render workers make a page's view and render it together, so no stage
/// holds every page at once.
struct TermPages: Sendable {
    let context: PageContext
    let dashboard: DashboardPage
    let evaluation: EvaluationPage
    let forums: ForumsPage
    let classes: ClassPages
    let tutors: TutorPages

    /// The pages of `term`; the as-of term's are at the root.
    ///
    /// - Parameter rowsInputs: what a tutor's list of records is made from, when known.
    init(
        school: School, aggregates: SchoolAggregates, term: TermAggregates, audience: Audience, hasProblems: Bool,
        rowsInputs: (@Sendable ([Record], String) -> [UInt64]?)? = nil
    ) {
        let context = PageContext(
            school: school, aggregates: aggregates, term: term, audience: audience, hasProblems: hasProblems)
        self.context = context
        let span = term.term
        let asOf = term.asOf
        let present = Set(term.students)
        let studentsByClass = Dictionary(
            grouping: school.students.filter { present.contains($0.id) }, by: \.classID)
        let currentStudents = Dictionary(
            grouping: term.compliance.students.filter { $0.tutorID != nil }, by: { $0.tutorID! }
        )
        .mapValues { $0.map(\.studentID) }
        let recordsByTutor = Dictionary(
            grouping: school.records.filter { $0.tutorID != nil && span.contains($0.date) && $0.date <= asOf }
        ) { $0.tutorID! }
        .mapValues { $0.sorted { ($0.date, $0.studentID, $0.type.rank) > ($1.date, $1.studentID, $1.type.rank) } }
        let weeks = WeekColumns(term)
        let attention = AttentionPanel(
            context: context, trajectories: aggregates.trajectories, rule: school.settings.attention)
        let tutorsTable = ClassTutorsTable(
            context: context, studentsByClass: studentsByClass, recordsByTutor: recordsByTutor)
        dashboard = DashboardPage(
            context: context, records: school.records, forums: school.forums, weeks: weeks,
            currentStudents: currentStudents, attention: attention)
        evaluation = EvaluationPage(context: context, questions: school.settings.surveyQuestions)
        forums = ForumsPage(context: context, forums: school.forums, buildAsOf: aggregates.asOf)
        classes = ClassPages(
            context: context, studentsByClass: studentsByClass, trajectories: aggregates.trajectories, weeks: weeks,
            attention: attention, tutorsTable: tutorsTable)
        tutors = TutorPages(
            context: context, recordsByTutor: recordsByTutor,
            answersByTutor: school.answersByTutor(in: span, upTo: asOf), currentStudents: currentStudents,
            summaries: school.summaries, hiddenOverdue: aggregates.hiddenOverdueFollowUps,
            rowsInputs: rowsInputs, schoolClasses: school.classes, tutorsTable: tutorsTable)
    }

    /// The term's figure pages, and a page for each of `classIDs` and `tutorIDs`.
    func planned(classes classIDs: [String], tutors tutorIDs: [String]) -> [PlannedPage] {
        let (dashboard, evaluation, forums, classes, tutors) = (
            self.dashboard, self.evaluation, self.forums, self.classes, self.tutors
        )
        var pages = [
            PlannedPage(path: context.termPath(PagePath.dashboard)) { dashboard.page() },
            PlannedPage(path: context.termPath(PagePath.evaluation)) { evaluation.page() },
            PlannedPage(path: context.termPath(PagePath.forums)) { forums.page() },
        ]
        pages += classIDs.compactMap { context.classes[$0] }.map { schoolClass in
            PlannedPage(path: context.termPath(PagePath.schoolClass(schoolClass.id))) { classes.page(schoolClass) }
        }
        pages += tutorIDs.compactMap { context.tutors[$0] }.map { tutor in
            PlannedPage(path: context.termPath(PagePath.tutor(tutor.id))) { tutors.page(tutor) }
        }
        return pages
    }
}
