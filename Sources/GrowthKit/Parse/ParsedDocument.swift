/// The kinds of things an id can name.
enum EntityKind: String, Sendable, Hashable {
    case student
    case tutor
    case schoolClass = "class"
    case term
}

/// An id written in a file, with where it was written, to be resolved when
/// all files are read.
struct IDReference: Sendable, Hashable {
    var kind: EntityKind
    var id: String
    var location: SourceLocation
    /// The field it was written in, for messages (`partner`, `attendees`).
    var field: String
}

/// A model value read from one file (or one CSV row), with the places later
/// checks point at.
struct Parsed<Value: Sendable>: Sendable {
    var value: Value
    var references: [IDReference] = []
    /// Where the value's date was written (front matter or file name).
    var dateLocation: SourceLocation?
    /// Where a field that later checks point at was written, by field name.
    var fieldLocations: [String: SourceLocation] = [:]
    /// Text a later check reads once it knows more than the file: a survey's
    /// question cells, by column, which only school.yml says are questions.
    var cells: [String: String] = [:]
}

/// What one file held. Indirect: each case's document sits behind one
/// reference, so a parsed file is cheap to copy (`growth serve` hands every
/// unchanged file out of its parse cache again on each rebuild).
indirect enum ParsedDocument: Sendable {
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
struct ParsedFile: Sendable {
    var path: String
    var document: ParsedDocument?
    var diagnostics: [Diagnostic]

    /// A file that holds nothing: what is left where a file was moved out.
    static let none = ParsedFile(path: "", document: nil, diagnostics: [])

    /// The file at `index`, moved out of `files` and `none` left in its
    /// place: no copy of its values to retain and then release.
    static func take(_ index: Int, from files: inout [ParsedFile]) -> ParsedFile {
        var file = none
        swap(&file, &files[index])
        return file
    }

    /// `parts` joined in order, each file moved and `parts` left empty.
    static func joining(_ parts: inout [[ParsedFile]]) -> [ParsedFile] {
        let count = parts.reduce(0) { $0 + $1.count }
        var all: [ParsedFile] = []
        all.reserveCapacity(count)
        for number in parts.indices {
            for index in parts[number].indices { all.append(take(index, from: &parts[number])) }
            parts[number] = []
        }
        return all
    }
}
