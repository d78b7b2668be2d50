/// A headline number on the dashboard.
struct FigureView: Sendable, Hashable, Encodable {
    var label: String
    var value: String
    var hint: String?
}

/// The school dashboard (`index.html`).
struct DashboardView: Sendable, Encodable {
    var heading: String
    var figures: [FigureView]
    var charts: [ChartView]
    var overdueHeading: String
    var overdueHeaders: [String]
    var overdue: [OverdueView]
    var overdueRule: String
    var attention: AttentionView?
    var noOverdue: String
    var classesHeading: String
    var classes: [ClassRowView]
    var classHeaders: [String]
    var forumHeading: String
    var latestForum: LinkView?
    var noForum: String
    var progress: ProgressView?
    /// The whole school's family structures.
    var family: FamilyCountsView?
    var unassignedHeading: String
    var unassignedHint: String
    /// Tutors who follow no student on the as-of date (every staff member is a tutor).
    var unassigned: [LinkView]
    var exportsHeading: String
    /// Every file under data/, with what it holds.
    var exports: [FactView]
}

/// A class in a list.
struct ClassRowView: Sendable, Hashable, Encodable {
    var link: LinkView
    var headTeacher: LinkView?
    var students: String
    var compliance: String
    var status: StatusView
}

/// Makes the dashboard of the shown term.
struct DashboardPage: PageBuilder {
    let context: PageContext
    /// Every record of the school; the figures count the shown term's.
    let records: [Record]
    let forums: [Forum]
    let weeks: WeekColumns
    /// Students each tutor follows on the term's as-of date.
    let currentStudents: [String: [String]]
    let attention: AttentionPanel

    /// The headline numbers of the term.
    func dashboardFigures(_ present: [Student]) -> [FigureView] {
        let report = term.compliance
        let span = term.term
        let covered = present.count { $0.tutor(on: asOf) != nil }
        return [
            FigureView(label: text[.studentCount], value: text.number(present.count)),
            FigureView(label: text[.tutorCount], value: text.number(term.tutors.count)),
            FigureView(label: text[.classCount], value: text.number(term.classes.count)),
            FigureView(
                label: text[.recordCount],
                value: text.number(records.count { span.contains($0.date) && $0.date <= asOf })),
            FigureView(
                label: text[.coverage],
                value: text.percent(present.isEmpty ? nil : Double(covered) / Double(present.count)),
                hint: text[.coverageHint]),
            FigureView(label: text[.schoolCompliance], value: text.percent(report.school)),
            FigureView(
                label: text[.partnerCount], value: text.number(term.pairs.count { $0.holds(on: asOf) }),
                hint: text.locale == .zhCN
                    ? "本学期伙伴活动\(term.pairs.reduce(0) { $0 + $1.activities.count })次"
                    : "\(term.pairs.reduce(0) { $0 + $1.activities.count }) partner activities this term"),
        ]
    }

    /// Compliance by item and by class, records per week, and the terms compared.
    func dashboardCharts() -> [ChartView] {
        let report = term.compliance
        let itemRows = report.requiredItems.map { type in
            (text.recordType(type), report.items[type] ?? ItemCompliance())
        }
        let byItem = ChartView(
            id: "by-item", title: text[.complianceByItem],
            svg: Chart.bars(
                id: "by-item", title: text[.complianceByItem],
                itemRows.map { Chart.Bar(label: $0.0, fraction: $0.1.ratio, text: text.percent($0.1.ratio)) }),
            summary: itemRows.map { "\($0.0) \(text.percent($0.1.ratio))" }.joined(
                separator: text.locale == .zhCN ? "，" : ", "),
            headers: [text[.item], text[.due], text[.met], text[.compliance]],
            rows: itemRows.map { TableRow(cells: [$0.0, "\($0.1.due)", "\($0.1.met)", text.percent($0.1.ratio)]) },
            tableLabel: text[.chartDataTable])
        let classRows = report.classes.map { (classes[$0.classID]?.name ?? $0.classID, $0) }
        let byClass = ChartView(
            id: "by-class", title: text[.complianceByClass],
            svg: Chart.bars(
                id: "by-class", title: text[.complianceByClass],
                classRows.map {
                    Chart.Bar(label: $0.0, fraction: $0.1.compliance, text: text.percent($0.1.compliance))
                }),
            summary: classRows.map { "\($0.0) \(text.percent($0.1.compliance))" }.joined(
                separator: text.locale == .zhCN ? "，" : ", "),
            headers: [text[.schoolClass], text[.studentCount], text[.compliance]],
            rows: classRows.map { TableRow(cells: [$0.0, "\($0.1.students)", text.percent($0.1.compliance)]) },
            tableLabel: text[.chartDataTable])
        let weeks = recordsPerWeek()
        let total = weeks.reduce(0) { $0 + $1.value }
        let perWeek = ChartView(
            id: "per-week", title: text[.recordsPerWeek],
            svg: Chart.columns(id: "per-week", title: text[.recordsPerWeek], weeks),
            summary: text.locale == .zhCN
                ? "共\(weeks.count)周，\(total)条记录，最多一周\(weeks.map(\.value).max() ?? 0)条。"
                : "\(total) records over \(weeks.count) weeks; at most \(weeks.map(\.value).max() ?? 0) in a week.",
            headers: [text[.week], text[.count]], rows: weeks.map { TableRow(cells: [$0.label, "\($0.value)"]) },
            tableLabel: text[.chartDataTable])
        let byTerm = termComparison(
            id: "by-term", title: text[.termComparison], scoreLabel: text[.meanScore], schoolTermFigures())
        return [byItem, byClass, perWeek] + [byTerm].compactMap { $0 }
    }

    func page() -> Page {
        let report = term.compliance
        let root = String(repeating: "../", count: depth(0))
        let span = term.term
        let present = term.students.compactMap { students[$0] }
        let figures = dashboardFigures(present)
        let unassigned = term.tutors.filter { id in
            currentStudents[id] == nil && (tutors[id]?.left.map { asOf <= $0 } ?? true)
        }
        let latest = forums.filter { span.contains($0.date) && $0.date <= asOf }.max { $0.date < $1.date }
        let view = DashboardView(
            heading: text[.schoolOverview], figures: figures, charts: dashboardCharts(),
            overdueHeading: "\(text[.overdueList]) (\(Set(report.overdue.map(\.studentID)).count))",
            overdueHeaders: overdueHeaders,
            overdue: overdueRows(report.overdue, root: root), overdueRule: text[.overdueRule],
            attention: attention.view(of: present, root: root), noOverdue: text[.noOverdue],
            classesHeading: text[.classes], classes: classRowViews(root: root),
            classHeaders: [text[.schoolClass], text[.headTeacher], text[.studentCount], text[.compliance]],
            forumHeading: text[.latestForum],
            latestForum: latest.map {
                LinkView(href: "forums/index.html#forum-\($0.id)", text: "\(text.date($0.date)) \($0.topic)")
            },
            noForum: text[.noForum], progress: progress(of: term.students),
            family: familyCounts(term.schoolFamilyCounts),
            unassignedHeading: "\(text[.tutorsWithoutStudents]) (\(unassigned.count))",
            unassignedHint: text[.tutorsWithoutStudentsHint],
            unassigned: unassigned.compactMap { tutorLink($0, root: root) }, exportsHeading: text[.exports],
            exports: [
                ("data/compliance.json", Label.exportCompliance), ("data/compliance.csv", .exportComplianceCSV),
                ("data/evaluation.json", .exportEvaluation), ("data/evaluation.csv", .exportEvaluationCSV),
                ("data/terms.json", .exportTerms),
            ].map { path, label in
                FactView(label: text[label], value: "", link: LinkView(href: root + path, text: path))
            })
        return Page(
            path: termPath(PagePath.dashboard), template: "dashboard",
            frame: frame(title: text[.dashboard], depth: depth(0), current: .dashboard),
            view: view)
    }

    func classRowViews(root: String) -> [ClassRowView] {
        term.compliance.classes.map { row in
            ClassRowView(
                link: classLink(row.classID, root: root),
                headTeacher: tutorLink(classes[row.classID]?.headTeacher, root: root),
                students: "\(row.students)", compliance: text.percent(row.compliance),
                status: complianceStatus(row.compliance))
        }
    }

    /// Records per week of the term up to the as-of date.
    func recordsPerWeek() -> [(label: String, value: Int)] {
        zip(weeks.weeks, weeks.counts(records)).map { (text.shortDate($0.0.start), $0.1) }
    }
}
