/// Reads `classes/<id>.md` and `tutors/<id>.md`.
enum PeopleParser {
    static func schoolClass(id: String, _ fields: YAMLFields, body: MarkdownBody) -> Parsed<SchoolClass>? {
        fields.rejectUnknownKeys(["name", "grade", "major", "head_teacher"], in: "a class")
        let name = fields.string("name", required: true, what: "the class's name, e.g. 2023级护理1班")
        let grade = fields.string("grade", required: true, what: "the class's grade, e.g. 2023级")
        let major = fields.string("major")
        let headTeacher = fields.string("head_teacher", required: true, what: "the head teacher's tutor id")
        guard let name, let grade else { return nil }
        var parsed = Parsed(
            value: SchoolClass(
                id: id, name: name, grade: grade, major: major, headTeacher: headTeacher, description: body,
                source: fields.file.fileStart))
        if let headTeacher {
            parsed.references.append(
                IDReference(
                    kind: .tutor, id: headTeacher, location: fields.valueLocation("head_teacher"), field: "head_teacher"
                ))
        }
        return parsed
    }

    static func tutor(id: String, _ fields: YAMLFields, body: MarkdownBody) -> Parsed<Tutor>? {
        fields.rejectUnknownKeys(["name", "role", "subject", "phone", "left"], in: "a tutor")
        let name = fields.string("name", required: true, what: "the tutor's name")
        let role = fields.choice("role", required: true, as: TutorRole.self)
        let subject = fields.string("subject")
        let phone = fields.string("phone")
        let left = fields.day("left")
        guard let name, let role else { return nil }
        return Parsed(
            value: Tutor(
                id: id, name: name, role: role, subject: subject, phone: phone, left: left, bio: body,
                source: fields.file.fileStart))
    }
}
