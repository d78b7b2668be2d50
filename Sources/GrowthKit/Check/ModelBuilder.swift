/// Builds the validated `School` from parsed files: resolves every id, checks
/// dates against the term, duplicates, tutors and their capacity.
///
/// An entity whose required parts are broken is left out, with an error that
/// says so; a broken optional part (a partner, an attendee) is dropped alone.
enum ModelBuilder {
    /// Takes the parsed files over: each is released as soon as its value is
    /// in the inventory, and each parsed record as soon as it is in the
    /// model, so a large school is not held twice (SPEC §9).
    /// `written`: the day each file was first committed, asked once the
    /// school's settings (its time zone) are known; nil when not known.
    static func build(
        _ content: consuming ContentFiles, dates: (SchoolSettings) -> CheckDates,
        written: (SchoolSettings) -> GitHistory.FirstCommits? = { _ in nil }
    ) -> CheckedContent {
        var diagnostics = content.diagnostics
        var files = content.files
        content.files = []
        // Records are most of the paths and none is an entity's file.
        let paths = Array(files.lazy.map(\.path).filter(KnownIDs.isEntityFile))
        let fileCount = files.count
        var inventory = Inventory()
        // Most files are records: one allocation instead of doubling copies.
        inventory.records.reserveCapacity(files.count)
        // In place, each file let go once read: reversing the array to take
        // them from its end copied every one twice.
        for index in files.indices {
            let file = ParsedFile.take(index, from: &files)
            diagnostics += file.diagnostics
            inventory.add(file.document)
        }
        files = []
        let ids = KnownIDs(inventory, paths: paths)
        var builder = CrossFileRules(
            ids: ids, settings: inventory.settings.first?.value, parsedSettings: inventory.settings.first)
        builder.dates = builder.settings.map(dates)
        builder.written = builder.settings.flatMap(written)
        let school = builder.build(&inventory)
        diagnostics += builder.diagnostics
        return CheckedContent(school: school, diagnostics: diagnostics.sorted(), fileCount: fileCount)
    }
}

/// Parsed values sorted by kind.
struct Inventory {
    var settings: [Parsed<SchoolSettings>] = []
    var classes: [Parsed<SchoolClass>] = []
    var tutors: [Parsed<Tutor>] = []
    var students: [Parsed<Student>] = []
    var records: [Parsed<Record>] = []
    var forums: [Parsed<Forum>] = []
    var summaries: [Parsed<TutorSummary>] = []
    var surveys: [Parsed<SurveyResponse>] = []

    mutating func add(_ document: consuming ParsedDocument?) {
        switch consume document {
        case .settings(let parsed): settings.append(parsed)
        case .schoolClass(let parsed): classes.append(parsed)
        case .tutor(let parsed): tutors.append(parsed)
        case .student(let parsed): students.append(parsed)
        case .record(let parsed): records.append(parsed)
        case .forum(let parsed): forums.append(parsed)
        case .summary(let parsed): summaries.append(parsed)
        case .survey(let rows): surveys += rows
        case nil: break
        }
    }
}

/// The ids that exist, per kind.
struct KnownIDs {
    var classes: Set<String>
    var tutors: Set<String>
    var students: Set<String>
    var terms: Set<String>
    /// Ids whose file is there but could not be read: its own errors say why,
    /// so a reference to it is dropped without a second "no such id".
    var broken: Set<String> = []

    /// `paths`: the files of the content that may be an entity's (`isEntityFile`).
    init(_ inventory: Inventory, paths: [String] = []) {
        classes = Set(inventory.classes.map(\.value.id))
        tutors = Set(inventory.tutors.map(\.value.id))
        students = Set(inventory.students.map(\.value.id))
        terms = Set(inventory.settings.first?.value.terms.map(\.id) ?? [])
        for path in paths {
            let parts = path.split(separator: "/").map(String.init)
            if parts.count == 2, parts[1].hasSuffix(".md") {
                let id = String(parts[1].dropLast(3))
                if parts[0] == "tutors", !tutors.contains(id) { broken.insert(Self.key(.tutor, id)) }
                if parts[0] == "classes", !classes.contains(id) { broken.insert(Self.key(.schoolClass, id)) }
            } else if parts.count == 3, parts[0] == "students", parts[2] == "index.md", !students.contains(parts[1]) {
                broken.insert(Self.key(.student, parts[1]))
            }
        }
    }

    /// Whether `path` may be an entity's file: anything but a student's
    /// folder's other files, the records (compared by the byte, 57,000 times).
    static func isEntityFile(_ path: String) -> Bool {
        let bytes = path.utf8
        return !bytes.starts(with: "students/".utf8) || bytes.reversed().starts(with: "/index.md".utf8.reversed())
    }

    static func key(_ kind: EntityKind, _ id: String) -> String { "\(kind.rawValue):\(id)" }

    func isBroken(_ reference: IDReference) -> Bool { broken.contains(Self.key(reference.kind, reference.id)) }

    /// The file of a broken id.
    static func file(_ kind: EntityKind, _ id: String) -> String {
        switch kind {
        case .student: "students/\(id)/index.md"
        case .tutor: "tutors/\(id).md"
        case .schoolClass: "classes/\(id).md"
        case .term: "school.yml"
        }
    }

    func contains(_ reference: IDReference) -> Bool {
        switch reference.kind {
        case .schoolClass: classes.contains(reference.id)
        case .tutor: tutors.contains(reference.id)
        case .student: students.contains(reference.id)
        case .term: terms.contains(reference.id)
        }
    }
}
