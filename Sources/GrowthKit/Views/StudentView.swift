/// A labelled value in a definition list.
public struct FactView: Sendable, Hashable {
    public var label: String
    public var value: String
    public var link: LinkView?
}

/// A policy item of a growth file.
public struct ItemView: Sendable, Hashable {
    public var item: String
    public var cadence: String
    public var due: String
    public var met: String
    public var compliance: String
    public var status: StatusView
}

/// A follow-up action in a list.
public struct FollowUpView: Sendable, Hashable {
    public var action: String
    public var due: String
    public var recorded: String
    public var status: StatusView
}

/// A record in the timeline.
public struct RecordView: Sendable {
    public var anchor: String
    public var date: String
    public var dateISO: String
    public var type: String
    public var typeKey: String
    public var tutor: LinkView?
    public var meta: [String]
    public var isConfidential: Bool
    public var confidentialLabel: String
    /// cmark's safe HTML of the body; empty when the audience may not see it.
    public var body: String
    public var hiddenNote: String?
}

/// The growth file of one student (`students/<id>/index.html`).
public struct StudentView: Sendable {
    public var name: String
    public var id: String
    public var isKey: Bool
    public var keyLabel: String
    public var facts: [FactView]
    public var confidentialLabel: String
    public var familyHeading: String
    public var family: [FactView]
    public var background: String?
    public var complianceHeading: String
    public var itemHeaders: [String]
    public var items: [ItemView]
    public var overdue: [OverdueView]
    public var overdueHeading: String
    public var overdueHeaders: [String]
    public var mood: ChartView?
    public var moodHeading: String
    public var noMood: String
    public var areasHeading: String
    public var areas: [FactView]
    public var followUpsHeading: String
    public var followUpHeaders: [String]
    public var followUps: [FollowUpView]
    public var timelineHeading: String
    public var records: [RecordView]
    public var noRecords: String
    public var printHint: String
}

extension ViewContext {
    func studentPage(_ student: Student) -> Page {
        let root = "../../"
        let asOf = aggregates.asOf
        let compliance = studentCompliance[student.id]
        let trajectory = aggregates.trajectories[student.id]
        var facts = [
            FactView(label: text[.schoolClass], value: "", link: classLink(student.classID, root: root)),
            FactView(label: text[.tutor], value: text[.never], link: tutorLink(student.tutor(on: asOf), root: root)),
        ]
        if student.tutors.count > 1 {
            let history = student.tutors.map { assignment in
                let name = tutors[assignment.tutor]?.name ?? assignment.tutor
                guard assignment.from.year > 1 else { return name }  // `tutor:` holds from the start
                return text.locale == .zhCN
                    ? "\(name)（\(text.shortDate(assignment.from))起）"
                    : "\(name) (from \(text.shortDate(assignment.from)))"
            }
            facts.append(FactView(label: text[.tutorHistory], value: history.joined(separator: " → ")))
        }
        if let partner = student.partner {
            facts.append(FactView(label: text[.partner], value: "", link: studentLink(partner, root: root)))
        }
        var family: [FactView] = []
        if let structure = student.family?.structure {
            family.append(FactView(label: text[.familyCircumstances], value: text.family(structure)))
        }
        if let notes = student.family?.notes { family.append(FactView(label: text[.familyNotes], value: notes)) }
        let policy = school.settings.policy
        let items = (compliance?.items ?? [:]).keys.sorted().map { type in
            let item = compliance?.items[type]
            return ItemView(
                item: text.recordType(type), cadence: policy.records[type].map(text.cadence) ?? "",
                due: "\(item?.due ?? 0)", met: "\(item?.met ?? 0)", compliance: text.percent(item?.ratio),
                status: status(item))
        }
        let records = (trajectory?.records ?? []).map { record in
            var meta: [String] = []
            if let mood = record.mood { meta.append("\(text[.mood]) \(mood)/5") }
            if !record.areas.isEmpty { meta.append(record.areas.map(text.area).joined(separator: text.listSeparator)) }
            if let duration = record.duration { meta.append("\(duration) \(text[.minutes])") }
            let hidden = record.isConfidential && record.body.isEmpty && audience == .staff
            return RecordView(
                anchor: anchor(record), date: text.date(record.date), dateISO: record.date.iso,
                type: text.recordType(record.type),
                typeKey: record.type.rawValue, tutor: tutorLink(record.tutorID, root: root), meta: meta,
                isConfidential: record.isConfidential, confidentialLabel: text[.confidential], body: record.body.html,
                hiddenNote: hidden ? text[.confidentialHidden] : nil)
        }
        let moods = trajectory?.moods ?? []
        let moodChart: ChartView? =
            moods.isEmpty
            ? nil
            : ChartView(
                id: "mood", title: "\(student.name) · \(text[.moodOverTime])",
                svg: Chart.line(
                    id: "mood", title: "\(student.name) · \(text[.moodOverTime])",
                    points: moods.map { ($0.date, $0.mood) }, from: school.settings.term.start, to: asOf,
                    tick: text.shortDate),
                summary: moodSummary(moods),
                headers: [text[.date], text[.mood]],
                rows: moods.map { TableRow(cells: [text.shortDate($0.date), "\($0.mood)"]) },
                tableLabel: text[.chartDataTable])
        let followUps = (trajectory?.followUps ?? []).map { item in
            FollowUpView(
                action: item.action.isEmpty ? text[.confidentialHidden] : item.action,
                due: item.due.map(text.shortDate) ?? "–", recorded: text.shortDate(item.recorded),
                status: item.done
                    ? StatusView(kind: "ok", text: text[.doneFollowUp])
                    : item.isOverdue
                        ? StatusView(kind: "bad", text: text[.overdueFollowUp])
                        : StatusView(kind: "warn", text: text[.openFollowUp]))
        }
        let view = StudentView(
            name: student.name, id: student.id, isKey: student.isKey, keyLabel: text[.keyStudent], facts: facts,
            confidentialLabel: text[.confidential], familyHeading: text[.family], family: family,
            background: student.background.isEmpty ? nil : student.background.html,
            complianceHeading: text[.compliance],
            itemHeaders: [text[.item], "", text[.due], text[.met], text[.compliance]], items: items,
            overdue: overdueRows(compliance?.overdue ?? [], root: root), overdueHeading: text[.overdueList],
            overdueHeaders: [
                text[.student], text[.schoolClass], text[.tutor], text[.item], text[.daysSince], text[.allowedDays],
                text[.lastRecord],
            ],
            mood: moodChart, moodHeading: text[.moodOverTime], noMood: text[.moodSummaryNone],
            areasHeading: text[.areasCovered],
            areas: (trajectory?.areas ?? []).map { FactView(label: text.area($0.area), value: "\($0.count)") },
            followUpsHeading: text[.followUps],
            followUpHeaders: [text[.action], text[.dueDate], text[.recordedOn], ""], followUps: followUps,
            timelineHeading: text[.timeline], records: records, noRecords: text[.noRecords],
            printHint: text[.printHint])
        return Page(
            path: "students/\(student.id)/index.html", template: "student",
            frame: frame(title: student.name, depth: 2, current: nil), view: view)
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
