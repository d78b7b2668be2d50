/// Computes the compliance report of one term: a pure function of the
/// school, the term and its as-of date.
enum ComplianceCalculator {
    /// - Parameters:
    ///   - students: the students at the school during the term.
    ///   - tutors: the tutors the term's report lists.
    ///   - classes: the classes the term's report lists.
    ///   - asOf: the day within the term the figures are for.
    static func report(
        for school: School, term: Term, students termStudents: [Student], tutors termTutors: [Tutor],
        classes termClasses: [SchoolClass], asOf: Day
    ) -> ComplianceReport {
        let policy = school.settings.policy(for: term)
        let items = policy.requiredRecordTypes
        let allPeriods = Dictionary(uniqueKeysWithValues: items.map { ($0, policy.records[$0]!.periods(in: term)) })
        let closed = allPeriods.mapValues { $0.filter { $0.isClosed(asOf: asOf) } }
        let openPeriods = allPeriods.compactMapValues { periods in
            periods.first { $0.start <= asOf && !$0.isClosed(asOf: asOf) }
        }
        let recordDays = RecordDays(school.records)

        var students: [StudentCompliance] = []
        // tutor → student → item → due/met over the periods that tutor owned.
        var byTutor: [String: [String: [RecordType: ItemCompliance]]] = [:]
        let periods = TermPeriods(items: items, closed: closed, open: openPeriods)
        for student in termStudents {
            students.append(
                studentCompliance(
                    student, periods, recordDays, policy: policy, term: term, asOf: asOf, byTutor: &byTutor))
        }

        let forums = forumAttendance(school, term: term, policy: policy, tutors: termTutors, asOf: asOf)
        let tutors = termTutors.map { tutor in
            let theirs = byTutor[tutor.id] ?? [:]
            let ids = theirs.keys.sorted()
            return TutorCompliance(
                tutorID: tutor.id, students: ids,
                compliance: mean(ids.map { id in mean(items.map { theirs[id]?[$0]?.ratio }) }),
                forums: forums?[tutor.id])
        }

        let byClass = Dictionary(grouping: students, by: \.classID)
        let classes = termClasses.map { schoolClass in
            let members = byClass[schoolClass.id] ?? []
            return ClassCompliance(
                classID: schoolClass.id, students: members.count, compliance: mean(members.map(\.compliance)),
                items: sum(members))
        }
        let overdue = students.flatMap(\.overdue).sorted {
            ($1.excess, $0.studentID, $0.item.rank) < ($0.excess, $1.studentID, $1.item.rank)
        }
        return ComplianceReport(
            asOf: asOf, requiredItems: items, students: students, tutors: tutors, classes: classes,
            school: mean(students.map(\.compliance)), items: sum(students), overdue: overdue)
    }

    /// A term's periods of each required item: the closed ones, and the one still open.
    struct TermPeriods {
        var items: [RecordType]
        var closed: [RecordType: [Period]]
        var open: [RecordType: Period]
    }

    /// One student's due and met periods, open periods and overdue items;
    /// each period is also added to the tutor who had the student on its last day.
    static func studentCompliance(
        _ student: Student, _ periods: TermPeriods, _ recordDays: RecordDays, policy: Policy, term: Term, asOf: Day,
        byTutor: inout [String: [String: [RecordType: ItemCompliance]]]
    ) -> StudentCompliance {
        let required = policy.appliesTo == .all || student.isKey(in: term)
        var perItem: [RecordType: ItemCompliance] = [:]
        var open: [RecordType: OpenPeriod] = [:]
        var overdue: [OverdueItem] = []
        if required {
            for type in periods.items {
                var total = ItemCompliance()
                let days = recordDays[student.id, type]
                for period in periods.closed[type]! {
                    // Nobody owes a period the student was not at school for
                    // from its first day to its last, nor one without a tutor.
                    guard student.isPresent(on: period.start), let tutor = student.tutor(on: period.end)
                    else { continue }
                    let met = days.contains { period.contains($0) }
                    let one = ItemCompliance(due: 1, met: met ? 1 : 0)
                    total.add(one)
                    byTutor[tutor, default: [:]][student.id, default: [:]][type, default: .init()].add(one)
                }
                perItem[type] = total
                if let period = periods.open[type], student.assignment(on: asOf) != nil {
                    let last = days.last { term.contains($0) && $0 <= asOf }
                    open[type] = OpenPeriod(
                        period: period, done: days.contains { period.start <= $0 && $0 <= asOf },
                        daysSince: last.map { $0.days(to: asOf) })
                }
                if let item = overdueItem(student, type, days, policy, term, asOf) { overdue.append(item) }
            }
        }
        return StudentCompliance(
            studentID: student.id, classID: student.classID, tutorID: student.tutor(on: asOf), isRequired: required,
            items: perItem, open: open, compliance: mean(periods.items.map { perItem[$0]?.ratio }), overdue: overdue)
    }

    static func sum(_ students: [StudentCompliance]) -> [RecordType: ItemCompliance] {
        students.reduce(into: [:]) { total, student in
            for (type, item) in student.items { total[type, default: .init()].add(item) }
        }
    }

    /// SPEC §3 "Overdue": the days since the last record of the type (or since
    /// the term, the student's first day or the current tutor's assignment
    /// started) exceed the cadence's gap plus `grace_days`. A student with no
    /// tutor on the as-of date is not overdue: nobody owes the record. The
    /// count starts again with each term: nobody is due anything in the break.
    static func overdueItem(
        _ student: Student, _ type: RecordType, _ days: [Day], _ policy: Policy, _ term: Term, _ asOf: Day
    ) -> OverdueItem? {
        guard let assignment = student.assignment(on: asOf), let cadence = policy.records[type]
        else { return nil }
        let last = days.last { $0 <= asOf }
        let start = [term.start, student.firstDay(of: assignment)].compactMap { $0 }.max()!
        let since = max(last ?? start, start)
        let allowed = cadence.allowedGap(in: term) + policy.graceDays
        let elapsed = since.days(to: asOf)
        guard elapsed > allowed else { return nil }
        return OverdueItem(studentID: student.id, item: type, days: elapsed, allowed: allowed, lastRecord: last)
    }

    /// Per tutor: closed forum periods in which a forum was held, and those
    /// the tutor attended (as host or attendee). A period with no forum held
    /// is not counted against anyone: there was nothing to attend; nor one
    /// that ended after the tutor left, or before their first day as a tutor
    /// (their first student, record or forum: tutors have no `joined` date).
    static func forumAttendance(
        _ school: School, term: Term, policy: Policy, tutors: [Tutor], asOf: Day
    ) -> [String: ItemCompliance]? {
        guard let cadence = policy.forum else { return nil }
        let periods = cadence.periods(in: term).filter { $0.isClosed(asOf: asOf) }
        var result = Dictionary(uniqueKeysWithValues: tutors.map { ($0.id, ItemCompliance()) })
        let first = firstDays(school)
        for period in periods {
            let held = school.forums.filter { period.contains($0.date) }
            guard !held.isEmpty else { continue }
            let present = Set(held.flatMap { $0.attendees + [$0.host].compactMap { $0 } })
            for tutor in tutors where tutor.left.map({ period.end <= $0 }) ?? true {
                guard present.contains(tutor.id) || first[tutor.id].map({ $0 <= period.end }) == true else { continue }
                result[tutor.id]!.due += 1
                if present.contains(tutor.id) { result[tutor.id]!.met += 1 }
            }
        }
        return result
    }
}

extension ComplianceCalculator {
    /// Each tutor's first day as a tutor: their first student's first day
    /// with them (a `tutor:` from the start counts from the first term), their
    /// first record, their first forum.
    static func firstDays(_ school: School) -> [String: Day] {
        var first: [String: Day] = [:]
        func note(_ tutor: String, _ day: Day) { first[tutor] = min(first[tutor] ?? day, day) }
        let start = school.settings.terms[0].start
        for student in school.students {
            for assignment in student.tutors { note(assignment.tutor, student.firstDay(of: assignment) ?? start) }
        }
        for record in school.records { if let tutor = record.tutorID { note(tutor, record.date) } }
        for forum in school.forums {
            for tutor in forum.attendees + [forum.host].compactMap({ $0 }) { note(tutor, forum.date) }
        }
        return first
    }
}

/// The dates of each student's records of each type, sorted: built once so
/// compliance is linear in the number of records.
struct RecordDays {
    private var days: [String: [RecordType: [Day]]] = [:]

    init(_ records: [Record]) {
        for record in records { days[record.studentID, default: [:]][record.type, default: []].append(record.date) }
        for (student, types) in days {
            for (type, list) in types { days[student]![type] = list.sorted() }
        }
    }

    subscript(student: String, type: RecordType) -> [Day] { days[student]?[type] ?? [] }
}
