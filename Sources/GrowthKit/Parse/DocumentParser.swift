/// Parses one file of the content folder. Pure: bytes in, values and
/// diagnostics out, so it can run on many files at once.
enum DocumentParser {
    static func parse(path: String, kind: ContentFileKind, bytes: [UInt8]) -> ParsedFile {
        bytes.withUnsafeBufferPointer { parse(path: path, kind: kind, bytes: $0) }
    }

    /// The same from bytes the caller keeps (a reader's buffer, used again for the next file).
    static func parse(path: String, kind: ContentFileKind, bytes: UnsafeBufferPointer<UInt8>) -> ParsedFile {
        let text: String
        switch TextDecoding.decode(bytes, path: path) {
        case .success(let decoded): text = decoded
        case .failure(let diagnostic): return ParsedFile(path: path, document: nil, diagnostics: [diagnostic])
        }
        if case .survey = kind {
            let (rows, diagnostics) = SurveyParser.parse(text, path: path)
            return ParsedFile(path: path, document: .survey(rows), diagnostics: diagnostics)
        }
        if case .settings = kind {
            let file = FileDiagnostics(path: path)
            let settings = file.fields(ofYAML: text[...]).flatMap { SettingsParser.parse($0) }
            return ParsedFile(path: path, document: settings.map { .settings($0) }, diagnostics: file.diagnostics)
        }
        let frontMatter: FrontMatter
        switch FrontMatter.split(text, path: path) {
        case .success(let split): frontMatter = split
        case .failure(let diagnostic): return ParsedFile(path: path, document: nil, diagnostics: [diagnostic])
        }
        let file = FileDiagnostics(path: path, lineOffset: frontMatter.lineOffset)
        guard let fields = file.fields(ofYAML: frontMatter.yaml) else {
            return ParsedFile(path: path, document: nil, diagnostics: file.diagnostics)
        }
        let body = MarkdownBody(markdown: frontMatter.body)
        let document: ParsedDocument?
        switch kind {
        case .schoolClass(let id):
            document = PeopleParser.schoolClass(id: id, fields, body: body).map { .schoolClass($0) }
        case .tutor(let id): document = PeopleParser.tutor(id: id, fields, body: body).map { .tutor($0) }
        case .student(let id): document = StudentParser.parse(id: id, fields, body: body).map { .student($0) }
        case .record(let studentID, let name):
            document = RecordParser.parse(studentID: studentID, name: name, fields, body: body).map { .record($0) }
        case .forum(let name): document = ForumParser.parse(name: name, fields, body: body).map { .forum($0) }
        case .summary(let tutorID, let name):
            document = ForumParser.summary(tutorID: tutorID, name: name, fields, body: body).map { .summary($0) }
        case .settings, .survey: document = nil
        }
        return ParsedFile(path: path, document: document, diagnostics: file.diagnostics)
    }
}
