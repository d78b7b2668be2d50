/// A student in a class or tutor list.
struct StudentRowView: Sendable, Hashable, Encodable {
    var link: LinkView
    var id: String
    var tutor: LinkView?
    var isKey: Bool
    var keyLabel: String
    var compliance: String
    var status: StatusView
    var overdue: String
}

/// One row of the heat map: a student's records per week.
struct HeatRowView: Sendable, Hashable, Encodable {
    var student: LinkView
    var cells: [HeatCellView]
}

struct HeatCellView: Sendable, Hashable, Encodable {
    var level: Int
    var count: String
    var title: String
}

/// How many students live in each family structure, `<3` below three.
typealias FamilyCountsView = TableSectionView<FactView>

/// A class summary (`classes/<id>/index.html`).
struct ClassView: Sendable, Encodable {
    var name: String
    var nameLang: String?
    var facts: [FactView]
    var studentsHeading: String
    var studentHeaders: [String]
    var students: [StudentRowView]
    var family: FamilyCountsView?
    var heatHeading: String
    var heatWeeks: [String]
    var heatRows: [HeatRowView]
    var studentLabel: String
    var description: String?
    /// Compliance per term, once the class has more than one.
    var terms: ChartView?
    var attention: AttentionView?
    var progress: ProgressView?
    /// The head teacher's table of the class's tutors.
    var tutors: ClassTutorsView?
    var partners: PartnersView?
}

extension PageBuilder {
    func studentRows(_ ids: [String], root: String) -> [StudentRowView] {
        ids.compactMap { id in
            guard let student = students[id] else { return nil }
            let row = term.compliance(ofStudent: id)
            return StudentRowView(
                link: studentLink(id, root: root), id: id,
                tutor: tutorLink(student.tutor(on: asOf), root: root),
                isKey: student.isKey(in: term.term), keyLabel: text[.keyStudent],
                compliance: text.percent(row?.compliance),
                status: complianceStatus(row?.compliance),
                overdue: (row?.overdue ?? []).map { text.recordType($0.item) }.joined(separator: text.listSeparator))
        }
    }

    /// Counts of each family structure; counts below 3 are shown as `<3` so
    /// a small group cannot point at one child.
    func familyCounts(_ counts: [FamilyStructure: Int]) -> FamilyCountsView? {
        let rows = FamilyStructure.allCases.compactMap { structure -> FactView? in
            guard let count = counts[structure] else { return nil }
            return FactView(label: text.family(structure), value: count < 3 ? text[.lessThanThree] : "\(count)")
        }
        guard !rows.isEmpty else { return nil }
        return FamilyCountsView(
            heading: text[.familyCircumstances], hint: text[.smallCountsHint],
            headers: [text[.familyCircumstances], text[.count]], rows: rows)
    }

}

/// Makes the class pages of the shown term.
struct ClassPages: PageBuilder {
    let context: PageContext
    /// The term's students of each class, in id order.
    let studentsByClass: [String: [Student]]
    let trajectories: [String: GrowthTrajectory]
    let weeks: WeekColumns
    let attention: AttentionPanel
    let tutorsTable: ClassTutorsTable

    func page(_ schoolClass: SchoolClass) -> Page {
        let depth = depth(2)
        let root = String(repeating: "../", count: depth)
        let members = studentsByClass[schoolClass.id] ?? []
        var facts = [FactView(label: text[.grade], value: schoolClass.grade)]
        if let major = schoolClass.major { facts.append(FactView(label: text[.major], value: major)) }
        if let head = tutorLink(schoolClass.headTeacher, root: root) {
            facts.append(FactView(label: text[.headTeacher], value: "", link: head))
        }
        facts.append(
            FactView(
                label: text[.compliance], value: text.percent(term.compliance(ofClass: schoolClass.id)?.compliance)))
        let heatRows = members.map { student in
            let counts = weeks.counts(trajectories[student.id]?.records ?? [])
            return HeatRowView(
                student: studentLink(student.id, root: root),
                cells: zip(weeks.weeks, counts).map { week, count in
                    HeatCellView(
                        level: min(count, 3), count: count == 0 ? "" : "\(count)",
                        title: "\(student.name) \(text.shortDate(week.start)): \(count) \(text[.recordsInWeek])")
                })
        }
        let view = ClassView(
            name: schoolClass.name, nameLang: contentLang(schoolClass.name), facts: facts,
            studentsHeading: text[.students],
            studentHeaders: [text[.nameColumn], text[.tutor], text[.compliance], text[.overdueList]],
            students: studentRows(members.map(\.id), root: root),
            family: familyCounts(term.familyCounts[schoolClass.id] ?? [:]), heatHeading: text[.heatMap],
            heatWeeks: weeks.weeks.map { text.shortDate($0.start) }, heatRows: heatRows, studentLabel: text[.student],
            description: schoolClass.description.isEmpty ? nil : schoolClass.description.html,
            terms: termComparison(
                id: "by-term", title: "\(schoolClass.name) · \(text[.termComparison])",
                classTermFigures(schoolClass.id)),
            attention: attention.view(of: members, root: root), progress: progress(of: members.map(\.id)),
            tutors: tutorsTable.view(of: schoolClass, root: root),
            partners: partners(ofClass: schoolClass.id, root: root))
        return Page(
            path: termPath(PagePath.schoolClass(schoolClass.id)), template: "class",
            frame: frame(title: schoolClass.name, depth: depth, current: nil), view: view)
    }
}
