/// `growth new student|tutor|class|forum|summary`: the files that are not records.
extension NewFile {
    /// What the command line gives for a new student, tutor, class or forum.
    public struct Fields: Sendable {
        public var name: String?
        public var schoolClass: String?
        public var tutor: String?
        public var role: String?
        public var subject: String?
        public var grade: String?
        public var major: String?
        public var headTeacher: String?
        public var joined: Day?
        public var topic: String?
        public var host: String?
        public var attendees: [String] = []

        public init() {}
    }

    public static func student(
        _ id: String, _ fields: Fields, school: School, exists: (String) -> Bool
    ) throws(Diagnostic) -> Draft {
        let path = "students/\(id)/index.md"
        try checkNew(id, "student id", path: path, exists: exists)
        let name = try required(fields.name, "--name", path)
        let schoolClass = try required(fields.schoolClass, "--class", path)
        guard school.classes.contains(where: { $0.id == schoolClass }) else {
            throw unknown(.schoolClass, schoolClass, "classes/\(schoolClass).md", at: path)
        }
        let tutor = try required(fields.tutor, "--tutor", path)
        try requireTutor(tutor, in: school, at: path)
        let zh = school.settings.locale == .zhCN
        var lines = ["name: \(yaml(name))", "class: \(yaml(schoolClass))", "tutor: \(yaml(tutor))"]
        if let joined = fields.joined { lines.append("joined: \(joined.iso)") }
        lines += [
            zh ? "# partner: \"<学号>\"       # 成长伙伴" : "# partner: \"<student id>\" # growth partner",
            zh
                ? "# key: true               # 重点关注学生；或某几个学期：[2025-1, 2025-2]"
                : "# key: true               # a key student; or some terms: [2025-1, 2025-2]",
            zh ? "# family:                 # 保密" : "# family:                 # confidential",
            "#   structure: two-parent  # two-parent, single-parent, reconstituted, grandparents, other",
            zh ? "#   notes: …" : "#   notes: …",
        ]
        let body = zh ? "（成长背景，保密：只给学校领导看）\n" : "(The student's background; confidential: leadership only.)\n"
        return draft(path, lines, body)
    }

    public static func tutor(
        _ id: String, _ fields: Fields, school: School, exists: (String) -> Bool
    ) throws(Diagnostic) -> Draft {
        let path = "tutors/\(id).md"
        try checkNew(id, "tutor id", path: path, exists: exists)
        let name = try required(fields.name, "--name", path)
        let role = fields.role ?? TutorRole.teacher.rawValue
        guard TutorRole(rawValue: role) != nil else {
            throw .error(
                .invalidValue, at: SourceLocation(path: path),
                "`--role \(role)` must be one of \(TutorRole.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let zh = school.settings.locale == .zhCN
        var lines = ["name: \(yaml(name))", "role: \(role)"]
        lines.append(fields.subject.map { "subject: \(yaml($0))" } ?? (zh ? "# subject: 语文" : "# subject: Chinese"))
        lines.append(zh ? "# phone: \"138 0000 0000\"  # 保密" : "# phone: \"138 0000 0000\"  # confidential")
        let body = zh ? "（导师简介）\n" : "(An introduction of the tutor.)\n"
        return draft(path, lines, body)
    }

    public static func schoolClass(
        _ id: String, _ fields: Fields, school: School, exists: (String) -> Bool
    ) throws(Diagnostic) -> Draft {
        let path = "classes/\(id).md"
        try checkNew(id, "class id", path: path, exists: exists)
        let name = try required(fields.name, "--name", path)
        let grade = try required(fields.grade, "--grade", path)
        let head = try required(fields.headTeacher, "--head-teacher", path)
        try requireTutor(head, in: school, at: path)
        var lines = ["name: \(yaml(name))", "grade: \(yaml(grade))"]
        if let major = fields.major { lines.append("major: \(yaml(major))") }
        lines.append("head_teacher: \(yaml(head))")
        let body = school.settings.locale == .zhCN ? "（班级情况）\n" : "(About the class.)\n"
        return draft(path, lines, body)
    }

    public static func forum(
        date: Day, slug: String?, _ fields: Fields, school: School, exists: (String) -> Bool
    ) throws(Diagnostic) -> Draft {
        let planned = "forums/\(date.iso)\(slug.map { "-" + $0 } ?? "").md"
        try checkSlug(slug, at: planned)
        let topic = try required(fields.topic, "--topic", planned)
        let host = try required(fields.host, "--host", planned)
        for tutor in [host] + fields.attendees { try requireTutor(tutor, in: school, at: planned) }
        let attendees = ([host] + fields.attendees.filter { $0 != host }).map(yaml).joined(separator: ", ")
        let zh = school.settings.locale == .zhCN
        let lines = [
            "topic: \(yaml(topic))", "host: \(yaml(host))", "attendees: [\(attendees)]",
            zh
                ? "cases: []                 # 分析的学生学号，如 [\"2025103\"]"
                : "cases: []                 # student ids analysed, e.g. [\"2025103\"]",
        ]
        let body =
            zh
            ? "## 个案分析（保密）\n\n（背景、分析、措施）\n\n## 讨论小结\n\n（请填写）\n"
            : "## Case analysis (confidential)\n\n(Background, analysis, measures.)\n\n## Summary\n\n(write here)\n"
        let path = freePath(stem: "forums/\(date.iso)", slug: slug, exists: exists)
        return draft(path, lines, body)
    }

    /// `tutors/<id>/<date>-summary[-<slug>].md`: a tutor's summary of the work.
    public static func summary(
        tutor: String, date: Day, slug: String?, school: School, exists: (String) -> Bool
    ) throws(Diagnostic) -> Draft {
        let stem = "tutors/\(tutor)/\(date.iso)-summary"
        try checkSlug(slug, at: stem + ".md")
        try requireTutor(tutor, in: school, at: stem + ".md")
        let zh = school.settings.locale == .zhCN
        let lines = [
            zh ? "title: （总结的题目）" : "title: (the summary's title)",
            zh
                ? "# confidential: true     # 保密：只给学校领导看；不写则全体教职工可读"
                : "# confidential: true     # leadership only; without it all staff may read it",
        ]
        let body =
            zh
            ? "## 做法\n\n（请填写）\n\n## 体会与经验\n\n（请填写）\n\n## 不足与改进\n\n（请填写）\n"
            : "## What I did\n\n(write here)\n\n## What I learned\n\n(write here)\n\n## What to change\n\n(write here)\n"
        return draft(freePath(stem: stem, slug: slug, exists: exists), lines, body)
    }

    /// A file: its front matter lines between `---` lines, then its body.
    static func draft(_ path: String, _ frontMatter: [String], _ body: String) -> Draft {
        Draft(path: path, text: "---\n" + frontMatter.joined(separator: "\n") + "\n---\n\n" + body)
    }

    static func requireTutor(_ id: String, in school: School, at path: String) throws(Diagnostic) {
        guard school.tutors.contains(where: { $0.id == id }) else {
            throw unknown(.tutor, id, "tutors/\(id).md", at: path)
        }
    }

    static func checkNew(_ id: String, _ what: String, path: String, exists: (String) -> Bool) throws(Diagnostic) {
        guard ContentLayout.isValidID(id) else {
            throw .error(
                .fileName, at: SourceLocation(path: path),
                "`\(id)` is not a valid \(what): use lower-case letters, digits, `-` and `_` only")
        }
        if exists(path) {
            throw .error(
                .duplicateID, at: SourceLocation(path: path), "\(path) already exists; growth new never overwrites")
        }
    }

    static func required(_ value: String?, _ option: String, _ path: String) throws(Diagnostic) -> String {
        guard let value, !value.isEmpty else {
            throw .error(.missingField, at: SourceLocation(path: path), "give \(option) for the new file")
        }
        return value
    }
}
