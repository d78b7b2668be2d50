/// The kinds of things an id can name.
public enum EntityKind: String, Sendable, Hashable {
    case student
    case tutor
    case schoolClass = "class"
    case term
}

/// An id written in a file, with where it was written, to be resolved when
/// all files are read.
public struct IDReference: Sendable, Hashable {
    public var kind: EntityKind
    public var id: String
    public var location: SourceLocation
    /// The field it was written in, for messages (`partner`, `attendees`).
    public var field: String
}

/// A model value read from one file (or one CSV row), with the places later
/// checks point at.
public struct Parsed<Value: Sendable>: Sendable {
    public var value: Value
    public var references: [IDReference] = []
    /// Where the value's date was written (front matter or file name).
    public var dateLocation: SourceLocation?
    /// Where a field that later checks point at was written, by field name.
    public var fieldLocations: [String: SourceLocation] = [:]
}

/// What one file held.
public enum ParsedDocument: Sendable {
    case settings(Parsed<SchoolSettings>)
    case schoolClass(Parsed<SchoolClass>)
    case tutor(Parsed<Tutor>)
    case student(Parsed<Student>)
    case record(Parsed<Record>)
    case forum(Parsed<Forum>)
    case summary(Parsed<TutorSummary>)
    case survey([Parsed<SurveyResponse>])
}

/// One file after parsing: what it held (nil when it could not be read at
/// all) and every problem found in it.
public struct ParsedFile: Sendable {
    public var path: String
    public var document: ParsedDocument?
    public var diagnostics: [Diagnostic]
}
