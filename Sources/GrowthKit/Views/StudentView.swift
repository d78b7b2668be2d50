/// A labelled value in a definition list.
struct FactView: Sendable, Hashable, Encodable {
    var label: String
    var value: String
    var link: LinkView?
}

/// A policy item of a growth file.
struct ItemView: Sendable, Hashable, Encodable {
    var item: String
    var cadence: String
    var due: String
    var met: String
    var compliance: String
    var status: StatusView
    /// The period still open: done, or days since the last record.
    var open: String
}

/// A follow-up action in a list.
struct FollowUpView: Sendable, Hashable, Encodable {
    var action: String
    var due: String
    var recorded: String
    var status: StatusView
}

/// A record in the timeline.
struct RecordView: Sendable, Encodable {
    var anchor: String
    var date: String
    var dateISO: String
    var type: String
    var typeKey: String
    var tutor: LinkView?
    var meta: [String]
    var isConfidential: Bool
    var confidentialLabel: String
    /// cmark's safe HTML of the body; empty when the audience may not see it.
    var body: String
    var hiddenNote: String?
    /// Written late (SPEC §8): when it was committed, and how late.
    var lateNote: String?
    var bodyLang: String?
}

/// One term of a growth file, or the holiday between two terms.
struct TermSectionView: Sendable, Encodable {
    var anchor: String
    var heading: String
    /// A holiday between terms: its records count for no term.
    var isBreak: Bool
    var hint: String?
    var isKey: Bool
    /// The term's overall compliance, e.g. `83%`.
    var compliance: String?
    var items: [ItemView]
    var review: [FactView]
    var mood: ChartView?
    var records: [RecordView]
}

/// The growth file of one student (`students/<id>/index.html`): one page for
/// the whole stay, grouped by term, newest first (SPEC §7).
struct StudentView: Sendable, Encodable {
    var name: String
    var nameLang: String?
    var id: String
    var isKey: Bool
    var keyLabel: String
    var facts: [FactView]
    var confidentialLabel: String
    var familyHeading: String
    var family: [FactView]
    var background: String?
    var complianceHeading: String
    var itemHeaders: [String]
    var complianceNote: String
    var overdue: [OverdueView]
    var overdueHeading: String
    var overdueHeaders: [String]
    var moodHeading: String
    var noMood: String
    var areasHeading: String
    var areas: [FactView]
    var followUpsHeading: String
    var followUpHeaders: [String]
    var followUps: [FollowUpView]
    var reviewHeading: String
    var timelineHeading: String
    var terms: [TermSectionView]
    var noRecords: String
    var printHint: String
}

/// Makes the growth files: one page per student for the whole stay, made
/// with the as-of term's context.
struct StudentPages: PageBuilder {
    let context: PageContext
    /// Every term's figures, the first first.
    let terms: [TermAggregates]
    let trajectories: [String: GrowthTrajectory]
    /// For the rule that marks a record written late.
    let settings: SchoolSettings

    func page(_ student: Student) -> Page {
        let root = "../../"
        let compliance = term.compliance(ofStudent: student.id)
        let trajectory = trajectories[student.id]
        let view = StudentView(
            name: student.name, nameLang: contentLang(student.name), id: student.id,
            isKey: student.isKey(in: term.term), keyLabel: text[.keyStudent],
            facts: studentFacts(student, root: root),
            confidentialLabel: text[.confidential], familyHeading: text[.family], family: familyFacts(student),
            background: student.background.read(clearance)?.html,
            complianceHeading: text[.compliance],
            itemHeaders: [
                text[.item], text[.cadenceColumn], text[.due], text[.met], text[.compliance], text[.thisPeriod],
            ],
            complianceNote: text[.complianceVsOverdue],
            overdue: overdueRows(compliance?.overdue ?? [], root: root),
            overdueHeading: "\(text[.overdueList]) · \(term.term.name)",
            overdueHeaders: overdueHeaders,
            moodHeading: text[.moodOverTime], noMood: text[.moodSummaryNone],
            areasHeading: text[.areasCovered],
            areas: (trajectory?.areas ?? []).map { FactView(label: text.area($0.area), value: "\($0.count)") },
            followUpsHeading: text[.followUps],
            followUpHeaders: [text[.action], text[.dueDate], text[.recordedOn], text[.statusColumn]],
            followUps: (trajectory?.followUps ?? []).map(followUpView),
            reviewHeading: text[.review], timelineHeading: text[.timeline],
            terms: termSections(student, records: trajectory?.records ?? [], root: root),
            noRecords: text[.noRecords], printHint: text[.printHint])
        return Page(
            path: PagePath.student(student.id), template: "student",
            frame: frame(title: student.name, depth: 2, current: nil), view: view)
    }

    func studentFacts(_ student: Student, root: String) -> [FactView] {
        var facts = [
            FactView(label: text[.schoolClass], value: "", link: classLink(student.classID, root: root)),
            FactView(label: text[.tutor], value: text[.never], link: tutorLink(student.tutor(on: asOf), root: root)),
        ]
        if student.tutors.count > 1 {
            let history = student.tutors.map { assignment in
                let name = tutors[assignment.tutor]?.name ?? assignment.tutor
                guard let from = assignment.from else { return name }  // `tutor:` holds from the start
                return text.noted(name, text.span(from, nil))
            }
            facts.append(FactView(label: text[.tutorHistory], value: history.joined(separator: " → ")))
        }
        if let partner = student.partner(on: asOf) {
            facts.append(FactView(label: text[.partner], value: "", link: studentLink(partner, root: root)))
        }
        if student.partners.contains(where: { $0.from != nil || $0.to != nil }) {
            let history = student.partners.map { pairing in
                text.noted(students[pairing.student]?.name ?? pairing.student, text.span(pairing.from, pairing.to))
            }
            facts.append(
                FactView(
                    label: text[.partnerHistory],
                    value: history.joined(separator: text.locale == .zhCN ? "；" : "; ")))
        }
        if let joined = student.joined { facts.append(FactView(label: text[.joinedOn], value: text.date(joined))) }
        if let left = student.left { facts.append(FactView(label: text[.leftOn], value: text.date(left))) }
        let keyTerms = terms.filter { student.isKey(in: $0.term) }.map(\.term.name)
        if !keyTerms.isEmpty {
            facts.append(FactView(label: text[.keyTerms], value: keyTerms.joined(separator: text.listSeparator)))
        }
        return facts
    }

    func familyFacts(_ student: Student) -> [FactView] {
        var family: [FactView] = []
        let circumstances = student.family.read(clearance)
        if let structure = circumstances?.structure {
            family.append(FactView(label: text[.familyCircumstances], value: text.family(structure)))
        }
        if let notes = circumstances?.notes { family.append(FactView(label: text[.familyNotes], value: notes)) }
        return family
    }

    func followUpView(_ item: FollowUpItem) -> FollowUpView {
        FollowUpView(
            action: item.action.isEmpty ? text[.confidentialHidden] : item.action,
            due: item.due.map(text.shortDate) ?? "–", recorded: text.date(item.recorded),
            status: item.done
                ? StatusView(kind: "ok", text: text[.doneFollowUp])
                : item.isOverdue
                    ? StatusView(kind: "bad", text: text[.overdueFollowUp])
                    : StatusView(kind: "warn", text: text[.openFollowUp]))
    }

    /// The student's terms and the holidays between them that hold records,
    /// newest first.
    func termSections(_ student: Student, records: [Record], root: String) -> [TermSectionView] {
        var sections: [TermSectionView] = []
        let terms = self.terms
        for (index, figures) in terms.enumerated() {
            let term = figures.term
            let inTerm = records.filter { term.contains($0.date) }
            if student.isPresent(during: term) || !inTerm.isEmpty {
                sections.append(termSection(student, figures, records: inTerm, root: root))
            }
            let nextStart = index + 1 < terms.count ? terms[index + 1].term.start : nil
            let holiday = records.filter { record in
                record.date > term.end && nextStart.map { record.date < $0 } ?? true
            }
            if !holiday.isEmpty {
                sections.append(
                    TermSectionView(
                        anchor: "break-\(term.id)", heading: text[.betweenTerms], isBreak: true,
                        hint: text[.betweenTermsHint], isKey: false, compliance: nil, items: [], review: [], mood: nil,
                        records: holiday.map { recordView($0, root: root) }))
            }
        }
        return sections.reversed()
    }

    func termSection(_ student: Student, _ figures: TermAggregates, records: [Record], root: String)
        -> TermSectionView
    {
        let term = figures.term
        let compliance = figures.compliance(ofStudent: student.id)
        let policy = figures.policy
        let items = (compliance?.items ?? [:]).keys.sorted().map { type in
            let item = compliance?.items[type]
            return ItemView(
                item: text.recordType(type), cadence: policy.records[type].map(text.cadence) ?? "",
                due: "\(item?.due ?? 0)", met: "\(item?.met ?? 0)", compliance: text.percent(item?.ratio),
                status: status(item), open: figures.hasEnded ? "" : openText(compliance?.open[type]))
        }
        var review: [FactView] = []
        if let last = records.last(where: { $0.type == .review }), let verdict = last.content.read(clearance)?.review {
            if let effect = verdict.effect { review.append(FactView(label: text[.effect], value: "\(effect)/5")) }
            if let decision = verdict.decision {
                review.append(FactView(label: text[.decision], value: text.decision(decision)))
            }
        }
        let moods = records.compactMap { record in
            record.content.read(clearance)?.mood.map { MoodPoint(date: record.date, mood: $0) }
        }
        let chartID = "mood-\(term.id)"
        let title = "\(student.name) · \(term.name) · \(text[.moodOverTime])"
        let mood: ChartView? =
            moods.isEmpty
            ? nil
            : ChartView(
                id: chartID, title: title,
                svg: Chart.line(
                    id: chartID, title: title, points: moods.map { ($0.date, $0.mood) }, from: term.start,
                    to: figures.asOf, tick: text.shortDate),
                summary: moodSummary(moods),
                headers: [text[.date], text[.mood]],
                rows: moods.map { TableRow(cells: [text.shortDate($0.date), "\($0.mood)"]) },
                tableLabel: text[.chartDataTable])
        return TermSectionView(
            anchor: "term-\(term.id)", heading: term.name, isBreak: false,
            hint: student.isPresent(during: term) ? nil : text[.notAtSchool], isKey: student.isKey(in: term),
            compliance: compliance?.compliance.map { text.percent($0) }, items: items, review: review, mood: mood,
            records: records.map { recordView($0, root: root) })
    }

    func recordView(_ record: Record, root: String) -> RecordView {
        let content = record.content.read(clearance)
        var meta: [String] = []
        if let mood = content?.mood { meta.append("\(text[.mood]) \(mood)/5") }
        if let areas = content?.areas, !areas.isEmpty {
            meta.append(areas.map(text.area).joined(separator: text.listSeparator))
        }
        if let duration = content?.duration { meta.append("\(duration) \(text[.minutes])") }
        if let effect = content?.review?.effect { meta.append("\(text[.effect]) \(effect)/5") }
        if let decision = content?.review?.decision { meta.append(text.decision(decision)) }
        let hidden = content == nil
        var lateNote: String?
        if settings.isLate(record) == true, let written = record.written {
            let days = record.date.days(to: written)
            lateNote =
                text.locale == .zhCN
                ? "补记：\(text.date(written))才提交，晚\(days)天"
                : "written late: committed \(text.date(written)), \(days) days after"
        }
        let body = content?.body.rendered
        return RecordView(
            anchor: anchor(record), date: text.date(record.date), dateISO: record.date.iso,
            type: text.recordType(record.type),
            typeKey: record.type.rawValue, tutor: tutorLink(record.tutorID, root: root), meta: meta,
            isConfidential: record.isConfidential, confidentialLabel: text[.confidential],
            body: body?.html ?? "",
            hiddenNote: hidden ? text[.confidentialHidden] : nil, lateNote: lateNote,
            bodyLang: contentLang(body?.summary ?? ""))
    }

    func moodSummary(_ moods: [MoodPoint]) -> String {
        let values = moods.map(\.mood)
        let low = values.min() ?? 0
        let high = values.max() ?? 0
        let last = values.last ?? 0
        return text.locale == .zhCN
            ? "共\(values.count)次状态记录，最低\(low)，最高\(high)，最近一次\(last)。"
            : "\(values.count) mood readings, lowest \(low), highest \(high), latest \(last)."
    }
}
