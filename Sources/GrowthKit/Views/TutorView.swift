/// A tutor's page (`tutors/<id>/index.html`).
struct TutorView: Sendable, Encodable {
    var name: String
    var nameLang: String?
    var facts: [FactView]
    var studentsHeading: String
    var studentHeaders: [String]
    var students: [StudentRowView]
    var recordsHeading: String
    var recordCounts: [FactView]
    var evaluationHeading: String
    var parts: [FactView]
    var grade: String
    var gradeKind: String
    var score: String
    var bio: String?
    var surveyHeading: String
    var surveyHeaders: [String]
    var surveys: [TableRow]
    var recordHeaders: [String]
    /// Every record the tutor wrote in the term: made when the page is rendered.
    var records: DeferredList<TutorRecordView>
    /// Compliance and score per term, once the tutor has more than one.
    var terms: ChartView?
    /// Staff builds: a follow-up of a confidential record of this tutor's is
    /// overdue; the record itself is not shown.
    var hiddenOverdue: String?
    var progress: ProgressView?
    /// For a head teacher: each class they lead, with its tutors.
    var headOf: [ClassTutorsView]
    var summariesHeading: String
    /// The tutor's own summaries of the term, newest first.
    var summaries: [SummaryView]
}

/// A tutor's summary of their work.
struct SummaryView: Sendable, Hashable, Encodable {
    var date: String
    var dateISO: String
    var title: String?
    var isConfidential: Bool
    var confidentialLabel: String
    var body: String
    var bodyLang: String?
    var titleLang: String?
    var hiddenNote: String?
}

/// A record in a tutor's list, linked to its place in the growth file.
struct TutorRecordView: Sendable, Hashable, Encodable {
    var date: String
    var dateISO: String
    var student: LinkView
    var type: String
    var isConfidential: Bool
    var confidentialLabel: String
}

/// Makes the tutor pages of the shown term.
struct TutorPages: PageBuilder {
    let context: PageContext
    /// Records of the term each tutor wrote up to its as-of date, newest first.
    let recordsByTutor: [String: [Record]]
    let answersByTutor: [String: [SurveyResponse]]
    /// Students each tutor follows on the term's as-of date, in id order.
    let currentStudents: [String: [String]]
    /// Every tutor's summaries; a page shows its tutor's of the shown term.
    let summaries: [TutorSummary]
    /// Staff builds: tutors with an overdue follow-up of a confidential record.
    let hiddenOverdue: Set<String>
    /// What a tutor's list of records is made from (its records' files, and
    /// the school's other files), when the content's digests are known.
    let rowsInputs: (@Sendable ([Record], String) -> [UInt64]?)?
    /// Every class, for the tables of the classes a tutor is head teacher of.
    let schoolClasses: [SchoolClass]
    let tutorsTable: ClassTutorsTable

    /// Role, subject, phone, compliance, forums and timeliness.
    func tutorFacts(_ tutor: Tutor, _ compliance: TutorCompliance?, _ evaluation: TutorEvaluation?) -> [FactView] {
        var facts = [FactView(label: text[.role], value: text.role(tutor.role))]
        if let subject = tutor.subject { facts.append(FactView(label: text[.subject], value: subject)) }
        if let phone = tutor.phone.read(clearance) { facts.append(FactView(label: text[.phone], value: phone)) }
        if let left = tutor.left { facts.append(FactView(label: text[.leftOn], value: text.date(left))) }
        facts.append(FactView(label: text[.compliance], value: text.percent(compliance?.compliance)))
        if let forums = compliance?.forums {
            facts.append(
                FactView(
                    label: text[.forumAttendance], value: "\(forums.met)/\(forums.due) (\(text.percent(forums.ratio)))")
            )
        }
        if let onTime = evaluation?.timeliness, let share = onTime.share {
            let rule =
                text.locale == .zhCN
                ? "记录日期后\(term.policy.lateAfterDays)天内提交为按时"
                : "committed within \(term.policy.lateAfterDays) days of its date"
            facts.append(
                FactView(
                    label: text[.timeliness], value: "\(text.percent(share))（\(onTime.onTime)/\(onTime.judged)，\(rule)）"
                ))
        }
        return facts
    }

    /// The tutor's summaries of the shown term, newest first.
    func summaryViews(of tutor: Tutor) -> [SummaryView] {
        summaries.filter { $0.tutorID == tutor.id && term.term.contains($0.date) && $0.date <= asOf }
            .reversed().map { summary in
                let content = summary.content.read(clearance)
                let body = content?.body.rendered
                return SummaryView(
                    date: text.date(summary.date), dateISO: summary.date.iso, title: content?.title,
                    isConfidential: summary.isConfidential, confidentialLabel: text[.confidential],
                    body: body?.html ?? "", bodyLang: contentLang(body?.summary ?? ""),
                    titleLang: content?.title.flatMap(contentLang),
                    hiddenNote: content == nil ? text[.confidentialHidden] : nil)
            }
    }

    /// The classes `tutor` is head teacher of, each with its tutors.
    func headTeacherViews(of tutor: Tutor, root: String) -> [ClassTutorsView] {
        schoolClasses.filter { $0.headTeacher == tutor.id && context.links.termClasses.contains($0.id) }
            .compactMap { tutorsTable.view(of: $0, root: root) }
    }

    /// The parts of the tutor's score; timeliness once the history judged it.
    func scoreParts(_ parts: EvaluationParts?) -> [FactView] {
        [
            FactView(label: text[.partRecords], value: text.score(parts?.records)),
            FactView(label: text[.partParents], value: text.score(parts?.parents)),
            FactView(label: text[.partStudents], value: text.score(parts?.students)),
            FactView(label: text[.partForums], value: text.score(parts?.forums)),
        ]
            + (parts?.timeliness == nil
                ? [] : [FactView(label: text[.timeliness], value: text.score(parts?.timeliness))])
    }

    /// The records the tutor wrote, each linked to its place in the growth file.
    func recordRows(_ written: [Record], root: String) -> [TutorRecordView] {
        written.map { record in
            var student = studentLink(record.studentID, root: root)
            student.href += "#" + anchor(record)
            return TutorRecordView(
                date: text.shortDate(record.date), dateISO: record.date.iso, student: student,
                type: text.recordType(record.type), isConfidential: record.isConfidential,
                confidentialLabel: text[.confidential])
        }
    }

    func page(_ tutor: Tutor) -> Page {
        let depth = depth(2)
        let root = String(repeating: "../", count: depth)
        let compliance = term.compliance(ofTutor: tutor.id)
        let evaluation = term.evaluation(ofTutor: tutor.id)
        let facts = tutorFacts(tutor, compliance, evaluation)
        let written = recordsByTutor[tutor.id] ?? []
        let counts = RecordType.allCases.compactMap { type -> FactView? in
            let n = written.count { $0.type == type }
            return n == 0 ? nil : FactView(label: text.recordType(type), value: "\(n)")
        }
        let current = currentStudents[tutor.id] ?? []
        let ids = current + (compliance?.students ?? []).filter { !current.contains($0) }
        let answers = (answersByTutor[tutor.id] ?? []).sorted {
            ($0.date, $0.studentID, $0.respondent.rawValue) < ($1.date, $1.studentID, $1.respondent.rawValue)
        }
        let view = TutorView(
            name: tutor.name, nameLang: contentLang(tutor.name), facts: facts, studentsHeading: text[.studentsFollowed],
            studentHeaders: [text[.nameColumn], text[.tutor], text[.compliance], text[.overdueList]],
            students: studentRows(ids, root: root), recordsHeading: "\(text[.recordsWritten]) (\(written.count))",
            recordCounts: counts, evaluationHeading: text[.evaluation],
            parts: scoreParts(evaluation?.parts),
            grade: text.grade(evaluation?.grade), gradeKind: evaluation?.grade?.rawValue ?? "none",
            score: text.score(evaluation?.score), bio: tutor.bio.isEmpty ? nil : tutor.bio.html,
            surveyHeading: "\(text[.surveys]) (\(answers.count))",
            surveyHeaders: [
                text[.date], text[.student], text[.respondent], text[.score], text[.contacted], text[.comment],
            ],
            surveys: answers.map { answer in
                TableRow(cells: [
                    text.shortDate(answer.date), students[answer.studentID]?.name ?? answer.studentID,
                    text.respondent(answer.respondent), "\(answer.score)/5", text[answer.contacted ? .yes : .no],
                    answer.comment.read(clearance) ?? "",
                ])
            },
            recordHeaders: [text[.date], text[.student], text[.record], text[.markColumn]],
            records: DeferredList(inputs: rowsInputs?(written, root)) { [self] in recordRows(written, root: root) },
            terms: termComparison(
                id: "by-term", title: "\(tutor.name) · \(text[.termComparison])", scoreLabel: text[.score],
                tutorTermFigures(tutor.id)),
            hiddenOverdue: hiddenOverdue.contains(tutor.id) ? text[.hiddenOverdueFollowUp] : nil,
            progress: current.isEmpty ? nil : progress(of: current), headOf: headTeacherViews(of: tutor, root: root),
            summariesHeading: text[.summaries],
            summaries: summaryViews(of: tutor))
        return Page(
            path: termPath(PagePath.tutor(tutor.id)), template: "tutor",
            frame: frame(title: tutor.name, depth: depth, current: nil), view: view)
    }
}
