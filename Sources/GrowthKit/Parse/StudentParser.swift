/// Reads `students/<id>/index.md`, the cover of a growth file.
enum StudentParser {
    static func parse(id: String, _ fields: YAMLFields, body: MarkdownBody) -> Parsed<Student>? {
        fields.rejectUnknownKeys(
            ["name", "class", "tutor", "tutors", "partner", "partners", "key", "joined", "left", "family"],
            in: "a student")
        let file = fields.file
        let name = fields.string("name", required: true, what: "the student's name")
        let classID = fields.string("class", required: true, what: "a class id")
        var references: [IDReference] = []
        if let classID {
            references.append(
                IDReference(kind: .schoolClass, id: classID, location: fields.valueLocation("class"), field: "class"))
        }

        let assignments = tutorAssignments(fields, &references)
        let partners = partnerships(id: id, fields, &references)
        let key = keyTerms(fields, &references)
        let joined = fields.day("joined")
        var left = fields.day("left")
        if let joined, let day = left, day < joined {
            file.error(
                .invalidValue, at: fields.valueLocation("left"),
                "`left: \(day)` is before `joined: \(joined)`: a student leaves after joining; `left` is ignored")
            left = nil
        }

        var family: FamilyCircumstances?
        if let familyFields = fields.fields("family", what: "a mapping with `structure` and `notes`") {
            familyFields.rejectUnknownKeys(["structure", "notes"], in: "family")
            family = FamilyCircumstances(
                structure: familyFields.choice("structure", as: FamilyStructure.self),
                notes: familyFields.string("notes"))
        }

        guard let name, let classID else { return nil }
        return Parsed(
            value: Student(
                id: id, name: name, classID: classID, tutors: assignments, partners: partners, key: key,
                joined: joined, left: left,
                family: family, background: body, source: file.fileStart),
            references: references,
            fieldLocations: [
                "tutor": fields.has("tutors") ? fields.keyLocation("tutors") : fields.valueLocation("tutor")
            ])
    }

    /// `tutor: <id>` (from the first day), or a `tutors` history of
    /// `{ tutor: <id>, from: <date> }` in date order.
    static func tutorAssignments(_ fields: YAMLFields, _ references: inout [IDReference]) -> [TutorAssignment] {
        let file = fields.file
        var assignments: [TutorAssignment] = []
        if fields.has("tutor"), fields.has("tutors") {
            file.error(
                .invalidValue, at: fields.keyLocation("tutors"),
                "give either `tutor` or a `tutors` history, not both; `tutor` is used meanwhile")
        }
        if let tutor = fields.string("tutor", what: "a tutor id") {
            // A single tutor follows the student from their first day.
            assignments.append(TutorAssignment(tutor: tutor, from: nil))
            references.append(
                IDReference(kind: .tutor, id: tutor, location: fields.valueLocation("tutor"), field: "tutor"))
        } else if let history = fields.list("tutors", what: "a list of `{ tutor: <id>, from: <date> }`") {
            for item in history {
                guard let mapping = item.pairs else {
                    file.error(
                        .wrongType, at: file.location(of: item),
                        "each item of `tutors` must be `{ tutor: <id>, from: <date> }`")
                    continue
                }
                let entry = YAMLFields(mapping, in: file, at: file.location(of: item))
                entry.rejectUnknownKeys(["tutor", "from"], in: "a tutor assignment")
                let tutor = entry.string("tutor", required: true, what: "a tutor id")
                let from = entry.day("from", required: true)
                if let tutor, let from {
                    if let previous = assignments.last?.from, previous >= from {
                        file.error(
                            .invalidValue, at: entry.valueLocation("from"),
                            "`from: \(from)` must be later than the previous tutor's `from: \(previous)`")
                        continue
                    }
                    assignments.append(TutorAssignment(tutor: tutor, from: from))
                    references.append(
                        IDReference(kind: .tutor, id: tutor, location: entry.valueLocation("tutor"), field: "tutors"))
                }
            }
        }
        return assignments
    }

    /// `partner: <id>` (from the first day), or a `partners` history of
    /// `{ student: <id>, from: <date>, to: <date> }`. A student is never their
    /// own partner, and pairings do not overlap.
    static func partnerships(id: String, _ fields: YAMLFields, _ references: inout [IDReference]) -> [Partnership] {
        let file = fields.file
        if fields.has("partner"), fields.has("partners") {
            file.error(
                .invalidValue, at: fields.keyLocation("partners"),
                "give either `partner` or a `partners` history, not both; `partner` is used meanwhile")
        }
        func accept(_ student: String, at location: SourceLocation, field: String) -> Bool {
            guard student != id else {
                file.error(.invalidValue, at: location, "a student cannot be their own growth partner")
                return false
            }
            references.append(IDReference(kind: .student, id: student, location: location, field: field))
            return true
        }
        if let student = fields.string("partner", what: "a student id") {
            return accept(student, at: fields.valueLocation("partner"), field: "partner")
                ? [Partnership(student: student)] : []
        }
        let shape = "a list of `{ student: <id>, from: <date>, to: <date> }`"
        guard let items = fields.list("partners", what: shape) else { return [] }
        var result: [Partnership] = []
        for item in items {
            guard let mapping = item.pairs else {
                file.error(
                    .wrongType, at: file.location(of: item), "each item of `partners` must be \(shape.dropFirst(10))")
                continue
            }
            let entry = YAMLFields(mapping, in: file, at: file.location(of: item))
            entry.rejectUnknownKeys(["student", "from", "to"], in: "a growth partner")
            guard let student = entry.string("student", required: true, what: "the partner's student id") else {
                continue
            }
            let from = entry.day("from")
            let to = entry.day("to")
            if let from, let to, to < from {
                file.error(
                    .invalidValue, at: entry.valueLocation("to"),
                    "`to: \(to)` is before `from: \(from)`: a pairing ends after it starts; it is left out")
                continue
            }
            if let previous = result.last, previous.to.map({ end in from.map { end >= $0 } ?? true }) ?? true {
                file.error(
                    .invalidValue, at: entry.keyLocation(from == nil ? "student" : "from"),
                    "this pairing overlaps the one before it: give the earlier one a `to:` before this `from:`; it is left out"
                )
                continue
            }
            guard accept(student, at: entry.valueLocation("student"), field: "partners") else { continue }
            result.append(Partnership(student: student, from: from, to: to))
        }
        return result
    }

    /// `key: true` (every term), `false`, or a list of term ids; the ids are
    /// resolved against `school.yml` with the other references.
    static func keyTerms(_ fields: YAMLFields, _ references: inout [IDReference]) -> KeyTerms {
        guard let node = fields.node("key") else { return .none }
        if node.items == nil {
            return fields.bool("key").map { $0 ? .every : .none } ?? .none
        }
        var ids: Set<String> = []
        for (id, location) in fields.stringList("key", what: "a term id such as 2025-1") {
            ids.insert(id)
            references.append(IDReference(kind: .term, id: id, location: location, field: "key"))
        }
        return .terms(ids)
    }
}
