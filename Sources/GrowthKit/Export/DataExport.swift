/// The machine-readable exports under `data/` (SPEC §4): compliance and
/// evaluation as JSON for scripts and as CSV for Excel.
enum DataExport {
    /// Output paths → bytes.
    /// Each export file, made when it is called: `growth serve` makes one
    /// only when a browser asks for it.
    static func makers(school: School, aggregates: SchoolAggregates) -> [String: @Sendable () -> [UInt8]] {
        let names = Names(school)
        return [
            "data/compliance.json": { complianceJSON(school, aggregates, names).bytes },
            "data/evaluation.json": { evaluationJSON(school, aggregates, names).bytes },
            "data/compliance.csv": { complianceCSV(aggregates, names).bytes },
            "data/evaluation.csv": { evaluationCSV(aggregates, names).bytes },
            "data/terms.json": { termsJSON(aggregates).bytes },
        ]
    }

    /// `data/terms.json` (SPEC §7): per term begun by the as-of date, the
    /// school's, each class's and each tutor's compliance and each tutor's score.
    static func termsJSON(_ aggregates: SchoolAggregates) -> JSONValue {
        .object([
            "asOf": .string(aggregates.asOf.iso),
            "current": .string(aggregates.current.term.id),
            "terms": .array(aggregates.terms.map(termJSON)),
        ])
    }

    static func termJSON(_ figures: TermAggregates) -> JSONValue {
        let term = figures.term
        let report = figures.compliance
        return .object([
            "id": .string(term.id), "name": .string(term.name), "start": .string(term.start.iso),
            "end": .string(term.end.iso), "asOf": .string(figures.asOf.iso), "ended": .bool(figures.hasEnded),
            "school": .object(["compliance": .rounded(report.school), "students": .int(report.students.count)]),
            "classes": .array(
                report.classes.map {
                    .object(["id": .string($0.classID), "compliance": .rounded($0.compliance)])
                }),
            "tutors": .array(
                report.tutors.map { tutor in
                    let evaluation = figures.evaluation(ofTutor: tutor.tutorID)
                    return .object([
                        "id": .string(tutor.tutorID), "compliance": .rounded(tutor.compliance),
                        "score": .rounded(evaluation?.score), "grade": .optional(evaluation?.grade?.rawValue),
                    ])
                }),
        ])
    }

    /// The people and classes the exports name, looked up by id.
    struct Names {
        var students: [String: Student]
        var tutors: [String: String]
        var classes: [String: String]

        init(_ school: School) {
            students = Dictionary(uniqueKeysWithValues: school.students.map { ($0.id, $0) })
            tutors = Dictionary(uniqueKeysWithValues: school.tutors.map { ($0.id, $0.name) })
            classes = Dictionary(uniqueKeysWithValues: school.classes.map { ($0.id, $0.name) })
        }
    }

    /// `{"due": …, "met": …}`.
    static func item(_ item: ItemCompliance) -> JSONValue {
        .object(["due": .int(item.due), "met": .int(item.met)])
    }

    static func items(_ items: [RecordType: ItemCompliance], _ order: [RecordType]) -> JSONValue {
        .object(
            Dictionary(uniqueKeysWithValues: order.compactMap { type in items[type].map { (type.rawValue, item($0)) } })
        )
    }

    static func complianceJSON(_ school: School, _ aggregates: SchoolAggregates, _ names: Names) -> JSONValue {
        let report = aggregates.compliance
        let order = report.requiredItems
        let policy = aggregates.current.policy
        let term = aggregates.current.term
        var cadences: [String: JSONValue] = [:]
        for type in order { cadences[type.rawValue] = .string(policy.records[type]!.description) }
        if let forum = policy.forum { cadences["forum"] = .string(forum.description) }
        let termJSON: JSONValue = .object([
            "id": .string(term.id), "name": .string(term.name), "start": .string(term.start.iso),
            "end": .string(term.end.iso),
        ])
        return .object([
            "asOf": .string(report.asOf.iso),
            "term": termJSON,
            "policy": .object([
                "appliesTo": .string(policy.appliesTo.rawValue), "items": .object(cadences),
                "graceDays": .int(policy.graceDays),
            ]),
            "school": .object([
                "compliance": .rounded(report.school), "items": items(report.items, order),
                // The period still open of each item: how many students have done it so far.
                "open": .object(
                    Dictionary(
                        uniqueKeysWithValues: order.compactMap { type in
                            let open = report.students.compactMap { $0.open[type] }
                            return open.isEmpty
                                ? nil
                                : (
                                    type.rawValue,
                                    JSONValue.object(["done": .int(open.count { $0.done }), "of": .int(open.count)])
                                )
                        })),
            ]),
            "students": .array(report.students.map { studentJSON($0, order, names) }),
            "tutors": .array(
                report.tutors.map { tutor in
                    .object([
                        "id": .string(tutor.tutorID), "name": .optional(names.tutors[tutor.tutorID]),
                        "compliance": .rounded(tutor.compliance),
                        "students": .array(tutor.students.map { .string($0) }),
                        "forums": tutor.forums.map(item) ?? .null,
                    ])
                }),
            "classes": .array(
                report.classes.map { schoolClass in
                    .object([
                        "id": .string(schoolClass.classID), "name": .optional(names.classes[schoolClass.classID]),
                        "compliance": .rounded(schoolClass.compliance), "students": .int(schoolClass.students),
                        "items": items(schoolClass.items, order),
                    ])
                }),
        ])
    }

    /// One student's compliance: items, the open periods and overdue items.
    static func studentJSON(_ student: StudentCompliance, _ order: [RecordType], _ names: Names) -> JSONValue {
        .object([
            "id": .string(student.studentID), "name": .optional(names.students[student.studentID]?.name),
            "class": .string(student.classID), "tutor": .optional(student.tutorID),
            "required": .bool(student.isRequired), "compliance": .rounded(student.compliance),
            "items": items(student.items, order),
            "open": .object(
                Dictionary(
                    uniqueKeysWithValues: student.open.map { type, open in
                        (
                            type.rawValue,
                            JSONValue.object([
                                "start": .string(open.period.start.iso),
                                "end": .string(open.period.end.iso),
                                "done": .bool(open.done),
                                "daysSince": open.daysSince.map { .int($0) } ?? .null,
                            ])
                        )
                    })),
            "overdue": .array(
                student.overdue.map { item in
                    .object([
                        "item": .string(item.item.rawValue), "days": .int(item.days),
                        "allowed": .int(item.allowed), "lastRecord": .optional(item.lastRecord?.iso),
                    ])
                }),
        ])
    }

    static func evaluationJSON(_ school: School, _ aggregates: SchoolAggregates, _ names: Names) -> JSONValue {
        let settings = aggregates.current.evaluationSettings
        func weights(_ w: EvaluationSettings.Weights) -> JSONValue {
            .object([
                "records": .rounded(w.records), "parents": .rounded(w.parents), "students": .rounded(w.students),
                "forums": .rounded(w.forums), "timeliness": .rounded(w.timeliness),
            ])
        }
        return .object([
            "asOf": .string(aggregates.asOf.iso),
            "weights": weights(settings.weights),
            "grades": .object([
                "excellent": .rounded(settings.grades.excellent), "good": .rounded(settings.grades.good),
                "pass": .rounded(settings.grades.pass),
            ]),
            "commendTop": .int(settings.commendTop),
            "commended": .array(aggregates.evaluation.commended.map { .string($0) }),
            "criticised": .array(aggregates.evaluation.criticised.map { .string($0) }),
            "tutors": .array(
                aggregates.evaluation.tutors.map { tutor in
                    .object([
                        "id": .string(tutor.tutorID), "name": .optional(names.tutors[tutor.tutorID]),
                        "rank": tutor.rank.map { .int($0) } ?? .null, "score": .rounded(tutor.score),
                        "grade": .optional(tutor.grade?.rawValue),
                        "parts": .object([
                            "records": .rounded(tutor.parts.records), "parents": .rounded(tutor.parts.parents),
                            "students": .rounded(tutor.parts.students), "forums": .rounded(tutor.parts.forums),
                            "timeliness": .rounded(tutor.parts.timeliness),
                        ]),
                        "weights": weights(tutor.weights),
                        "answers": .object([
                            "parents": .int(tutor.parentAnswers), "students": .int(tutor.studentAnswers),
                        ]),
                        "commended": .bool(tutor.isCommended), "criticised": .bool(tutor.isCriticised),
                    ])
                }),
        ])
    }

    static func complianceCSV(_ aggregates: SchoolAggregates, _ names: Names) -> CSVTable {
        let order = aggregates.compliance.requiredItems
        let term = aggregates.current.term
        let students = names.students
        var table = CSVTable(
            header: ["student", "name", "class", "tutor", "key", "compliance"]
                + order.flatMap { ["\($0.rawValue)_due", "\($0.rawValue)_met"] } + ["overdue"])
        for row in aggregates.compliance.students {
            let overdue = row.overdue.map { "\($0.item.rawValue) \($0.days)d" }.joined(separator: "; ")
            table.rows.append(
                [
                    row.studentID, students[row.studentID]?.name ?? "", row.classID, row.tutorID ?? "",
                    students[row.studentID]?.isKey(in: term) == true ? "yes" : "no", CSVTable.number(row.compliance),
                ] + order.flatMap { type in row.items[type].map { ["\($0.due)", "\($0.met)"] } ?? ["", ""] }
                    + [overdue])
        }
        return table
    }

    static func evaluationCSV(_ aggregates: SchoolAggregates, _ names: Names) -> CSVTable {
        var table = CSVTable(header: [
            "rank", "tutor", "name", "score", "grade", "records", "parents", "students", "forums", "commended",
            "criticised",
        ])
        for tutor in aggregates.evaluation.tutors {
            let parts = tutor.parts
            table.rows.append([
                tutor.rank.map(String.init) ?? "", tutor.tutorID, names.tutors[tutor.tutorID] ?? "",
                CSVTable.number(tutor.score, scale: 10), tutor.grade?.rawValue ?? "",
                CSVTable.number(parts.records, scale: 10), CSVTable.number(parts.parents, scale: 10),
                CSVTable.number(parts.students, scale: 10), CSVTable.number(parts.forums, scale: 10),
                tutor.isCommended ? "yes" : "no", tutor.isCriticised ? "yes" : "no",
            ])
        }
        return table
    }
}
