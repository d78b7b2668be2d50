/// The head teacher's view of a class (seed 002, 班主任为核心): every tutor
/// who follows a student of the class, with how that tutor's students of the
/// class stand.
typealias ClassTutorsView = TableSectionView<ClassTutorRowView>

struct ClassTutorRowView: Sendable, Hashable, Encodable {
    var tutor: LinkView
    var students: String
    var compliance: String
    var status: StatusView
    /// Overdue items of those students.
    var overdue: String
    /// Follow-ups the tutor wrote for those students, not yet done.
    var followUps: String
}

/// Makes the head teacher's table of a class.
struct ClassTutorsTable: PageBuilder {
    let context: PageContext
    /// The term's students of each class, in id order.
    let studentsByClass: [String: [Student]]
    /// Records of the term each tutor wrote up to its as-of date.
    let recordsByTutor: [String: [Record]]

    /// One row per tutor following a student of the class on the shown
    /// term's as-of date, in tutor id order; nil for a class nobody follows.
    func view(of schoolClass: SchoolClass, root: String) -> ClassTutorsView? {
        let members = (studentsByClass[schoolClass.id] ?? []).compactMap { term.compliance(ofStudent: $0.id) }
        let byTutor = Dictionary(grouping: members.filter { $0.tutorID != nil }) { $0.tutorID! }
        guard !byTutor.isEmpty else { return nil }
        let rows = byTutor.keys.sorted().compactMap { id -> ClassTutorRowView? in
            guard let rows = byTutor[id], let link = tutorLink(id, root: root) else { return nil }
            let ids = Set(rows.map(\.studentID))
            let open = (recordsByTutor[id] ?? []).filter { ids.contains($0.studentID) }
                .reduce(0) { $0 + ($1.content.read(clearance)?.followUps.count { !$0.done } ?? 0) }
            let compliance = mean(rows.map(\.compliance))
            return ClassTutorRowView(
                tutor: link, students: "\(rows.count)", compliance: text.percent(compliance),
                status: complianceStatus(compliance), overdue: "\(rows.reduce(0) { $0 + $1.overdue.count })",
                followUps: "\(open)")
        }
        return ClassTutorsView(
            heading: "\(schoolClass.name) · \(text[.classTutors]) (\(rows.count))", hint: text[.classTutorsHint],
            headers: [
                text[.tutor], text[.studentsInClass], text[.compliance], text[.overdueItems], text[.openFollowUps],
            ],
            rows: rows)
    }
}
