/// Builds the validated `School` from parsed files: resolves every id, checks
/// dates against the term, duplicates, tutors and their capacity.
///
/// An entity whose required parts are broken is left out, with an error that
/// says so; a broken optional part (a partner, an attendee) is dropped alone.
public enum ModelBuilder {
    public static func build(_ content: ContentFiles, dates: (SchoolSettings) -> CheckDates) -> CheckedContent {
        var diagnostics = content.diagnostics
        var inventory = Inventory()
        for file in content.files {
            diagnostics += file.diagnostics
            inventory.add(file.document)
        }
        let ids = KnownIDs(inventory)
        var builder = Builder(
            ids: ids, settings: inventory.settings.first?.value, parsedSettings: inventory.settings.first)
        builder.dates = builder.settings.map(dates)
        let school = builder.build(inventory)
        diagnostics += builder.diagnostics
        return CheckedContent(school: school, diagnostics: diagnostics.sorted(), fileCount: content.files.count)
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
    var surveys: [Parsed<SurveyResponse>] = []

    mutating func add(_ document: ParsedDocument?) {
        switch document {
        case .settings(let parsed): settings.append(parsed)
        case .schoolClass(let parsed): classes.append(parsed)
        case .tutor(let parsed): tutors.append(parsed)
        case .student(let parsed): students.append(parsed)
        case .record(let parsed): records.append(parsed)
        case .forum(let parsed): forums.append(parsed)
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

    init(_ inventory: Inventory) {
        classes = Set(inventory.classes.map(\.value.id))
        tutors = Set(inventory.tutors.map(\.value.id))
        students = Set(inventory.students.map(\.value.id))
        terms = Set(inventory.settings.first?.value.terms.map(\.id) ?? [])
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
