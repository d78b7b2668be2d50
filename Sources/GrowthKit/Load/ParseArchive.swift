/// The bytes a parsed record file is kept in on disk between runs
/// (`ParseStore`): a record, the places later checks point at, and the
/// file's problems, written field by field in declaration order.
///
/// Records and students are kept: they are nearly every file of a school
/// (57,000 of 57,300), while the few other files are parsed again each run.
/// A file that could not be parsed into anything is kept too, as its problems.
///
/// The format has no version of its own: a store is read only by the very
/// build of growth that wrote it (`ParseStore.Key`), so it changes freely
/// with the model. What it cannot decode, or a value the parser could not
/// have made (a mood of 9, a day past 9999), it throws on, and the store
/// then parses the file again.
enum ParseArchive {
    /// Whether `file` is kept on disk.
    static func keeps(_ file: ParsedFile) -> Bool {
        switch file.document {
        case nil, .student: true
        // Parsed, never sealed: only the audience stage seals a record.
        case .record(let parsed): parsed.value.content.read(.storing) != nil
        default: false
        }
    }

    /// Writes a file `keeps`.
    static func write(_ file: ParsedFile, to out: inout ArchiveWriter) {
        out.string(file.path)
        let path = file.path
        switch file.document {
        case .record(let parsed):
            out.byte(1)
            write(parsed.value, path: path, to: &out)
            write(places: parsed, path: path, to: &out)
        case .student(let parsed):
            out.byte(2)
            write(parsed.value, path: path, to: &out)
            write(places: parsed, path: path, to: &out)
        default:
            out.byte(0)
        }
        out.count(file.diagnostics.count)
        for diagnostic in file.diagnostics {
            out.string(diagnostic.severity.rawValue)
            out.string(diagnostic.rule.rawValue)
            out.location(diagnostic.location, in: path)
            out.string(diagnostic.message)
        }
    }

    static func read(from input: inout ArchiveReader) throws(ArchiveError) -> ParsedFile {
        let path = try input.string()
        var document: ParsedDocument?
        switch try input.byte() {
        case 0: document = nil
        case 1: document = .record(try places(of: try readRecord(path: path, from: &input), path: path, from: &input))
        case 2:
            document = .student(try places(of: try readStudent(path: path, from: &input), path: path, from: &input))
        default: throw ArchiveError()
        }
        var diagnostics: [Diagnostic] = []
        let count = try input.count()
        diagnostics.reserveCapacity(count)
        for _ in 0..<count {
            let severity = try input.raw(Severity.self)
            let rule = try input.raw(Rule.self)
            let location = try input.location(in: path)
            diagnostics.append(Diagnostic(severity, rule, at: location, try input.string()))
        }
        return ParsedFile(path: path, document: document, diagnostics: diagnostics)
    }

    private static func write(_ record: Record, path: String, to out: inout ArchiveWriter) {
        out.string(record.id)
        out.string(record.studentID)
        out.day(record.date)
        out.string(record.type.rawValue)
        out.string(record.tutorID)
        out.day(record.written)
        // `keeps` has made sure it can be read.
        let content = record.content.read(.storing)!
        out.bool(record.isConfidential)
        out.string(content.slug)
        out.optional(content.mood) { $0.int($1) }
        out.count(content.areas.count)
        for area in content.areas { out.string(area.rawValue) }
        out.optional(content.duration) { $0.int($1) }
        out.count(content.followUps.count)
        for followUp in content.followUps {
            out.string(followUp.action)
            out.day(followUp.due)
            out.bool(followUp.done)
            out.location(followUp.source, in: path)
        }
        out.optional(content.review) { out, review in
            out.optional(review.effect) { $0.int($1) }
            out.optional(review.decision) { $0.string($1.rawValue) }
        }
        out.markdown(content.body)
        out.location(record.source, in: path)
    }

    private static func write(_ student: Student, path: String, to out: inout ArchiveWriter) {
        out.string(student.id)
        out.string(student.name)
        out.string(student.classID)
        out.count(student.tutors.count)
        for assignment in student.tutors {
            out.string(assignment.tutor)
            out.day(assignment.from)
            out.day(assignment.until)
        }
        out.count(student.partners.count)
        for partnership in student.partners {
            out.string(partnership.student)
            out.day(partnership.from)
            out.day(partnership.to)
        }
        switch student.key {
        case .none: out.byte(0)
        case .every: out.byte(1)
        case .terms(let terms):
            out.byte(2)
            out.count(terms.count)
            for term in terms.sorted() { out.string(term) }
        }
        out.day(student.joined)
        out.day(student.left)
        out.optional(student.family.read(.storing)) { out, family in
            out.optional(family.structure) { $0.string($1.rawValue) }
            out.string(family.notes)
        }
        out.optional(student.background.read(.storing)) { $0.markdown($1) }
        out.location(student.source, in: path)
    }

    private static func readStudent(path: String, from input: inout ArchiveReader) throws(ArchiveError) -> Student {
        let id = try input.string()
        let name = try input.string()
        let classID = try input.string()
        var tutors: [TutorAssignment] = []
        for _ in 0..<(try input.count()) {
            let tutor = try input.string()
            let from = try input.optionalDay()
            let until = try input.optionalDay()
            tutors.append(TutorAssignment(tutor: tutor, from: from, until: until))
        }
        var partners: [Partnership] = []
        for _ in 0..<(try input.count()) {
            let student = try input.string()
            let from = try input.optionalDay()
            let to = try input.optionalDay()
            partners.append(Partnership(student: student, from: from, to: to))
        }
        let key: KeyTerms
        switch try input.byte() {
        case 0: key = .none
        case 1: key = .every
        case 2:
            var terms: Set<String> = []
            for _ in 0..<(try input.count()) { terms.insert(try input.string()) }
            key = .terms(terms)
        default: throw ArchiveError()
        }
        let joined = try input.optionalDay()
        let left = try input.optionalDay()
        let family = try input.optional { input throws(ArchiveError) in
            let structure = try input.optional { input throws(ArchiveError) in try input.raw(FamilyStructure.self) }
            return FamilyCircumstances(
                structure: structure, notes: try input.optionalString())
        }
        let background = try input.optional { input throws(ArchiveError) in try input.markdown() }
        return Student(
            id: id, name: name, classID: classID, tutors: tutors, partners: partners, key: key, joined: joined,
            left: left, family: family, background: background ?? .empty, source: try input.location(in: path))
    }

    /// What `Parsed` holds beside its value.
    private static func write<Value>(places parsed: Parsed<Value>, path: String, to out: inout ArchiveWriter) {
        out.count(parsed.references.count)
        for reference in parsed.references {
            out.string(reference.kind.rawValue)
            out.string(reference.id)
            out.location(reference.location, in: path)
            out.string(reference.field)
        }
        out.optional(parsed.dateLocation) { $0.location($1, in: path) }
        out.count(parsed.fieldLocations.count)
        for (field, location) in parsed.fieldLocations.sorted(by: { $0.key < $1.key }) {
            out.string(field)
            out.location(location, in: path)
        }
        out.count(parsed.cells.count)
        for (column, text) in parsed.cells.sorted(by: { $0.key < $1.key }) {
            out.string(column)
            out.string(text)
        }
    }

    private static func readRecord(path: String, from input: inout ArchiveReader) throws(ArchiveError) -> Record {
        let id = try input.string()
        let studentID = try input.string()
        let date = try input.day()
        let type = try input.raw(RecordType.self)
        let tutorID = try input.optionalString()
        let written = try input.optionalDay()
        let isConfidential = try input.bool()
        let slug = try input.optionalString()
        let mood = try input.optional { input throws(ArchiveError) in try input.int(in: 1...5) }
        var areas: [Area] = []
        for _ in 0..<(try input.count()) { areas.append(try input.raw(Area.self)) }
        let duration = try input.optional { input throws(ArchiveError) in try input.int(in: 0...24 * 60) }
        var followUps: [FollowUp] = []
        for _ in 0..<(try input.count()) {
            let action = try input.string()
            let due = try input.optionalDay()
            let done = try input.bool()
            followUps.append(FollowUp(action: action, due: due, done: done, source: try input.location(in: path)))
        }
        let review = try input.optional { input throws(ArchiveError) in
            let effect = try input.optional { input throws(ArchiveError) in try input.int(in: 1...5) }
            let decision = try input.optional { input throws(ArchiveError) in try input.raw(ReviewDecision.self) }
            return Review(effect: effect, decision: decision)
        }
        let body = try input.markdown()
        return Record(
            id: id, studentID: studentID, date: date, type: type, slug: slug, tutorID: tutorID, mood: mood,
            areas: areas, duration: duration, isConfidential: isConfidential, followUps: followUps,
            review: review, written: written, body: body, source: try input.location(in: path))
    }

    private static func places<Value>(of value: Value, path: String, from input: inout ArchiveReader)
        throws(ArchiveError) -> Parsed<Value>
    {
        var parsed = Parsed(value: value)

        for _ in 0..<(try input.count()) {
            let kind = try input.raw(EntityKind.self)
            let id = try input.string()
            let location = try input.location(in: path)
            parsed.references.append(IDReference(kind: kind, id: id, location: location, field: try input.string()))
        }
        parsed.dateLocation = try input.optional { input throws(ArchiveError) in try input.location(in: path) }
        for _ in 0..<(try input.count()) {
            let field = try input.string()
            parsed.fieldLocations[field] = try input.location(in: path)
        }
        for _ in 0..<(try input.count()) {
            let column = try input.string()
            parsed.cells[column] = try input.string()
        }
        return parsed
    }
}

/// Bytes that do not decode: a store written by something else, or cut short.
struct ArchiveError: Error {}

/// Appends values as bytes: whole numbers as zigzag varints, text as its
/// UTF-8 length and bytes.
struct ArchiveWriter {
    private(set) var bytes: [UInt8] = []

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func append(_ other: ArchiveWriter) { bytes += other.bytes }

    mutating func digest(_ value: ContentDigest) {
        fixed(value.words.0)
        fixed(value.words.1)
        fixed(value.words.2)
        fixed(value.words.3)
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func unsigned(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    mutating func int(_ value: Int) {
        let value = Int64(value)
        unsigned(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func count(_ value: Int) { unsigned(UInt64(value)) }

    mutating func fixed(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            count(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// A day as its ordinal; `ArchiveReader.day()` reads it back, checked.
    mutating func day(_ value: Day) { int(value.ordinal) }

    mutating func day(_ value: Day?) { optional(value) { $0.day($1) } }

    mutating func string(_ value: String?) { optional(value) { $0.string($1) } }

    mutating func optional<Value>(_ value: Value?, _ write: (inout ArchiveWriter, Value) -> Void) {
        guard let value else { return byte(0) }
        byte(1)
        write(&self, value)
    }

    mutating func markdown(_ body: MarkdownBody) {
        string(body.markdown)
        bool(body.isEmpty)
    }

    /// A place in the file `path`, whose path is then not written again.
    mutating func location(_ location: SourceLocation, in path: String) {
        if location.path == path {
            byte(0)
        } else {
            byte(1)
            string(location.path)
        }
        int(location.line)
        int(location.column)
    }
}

/// Reads what `ArchiveWriter` wrote, throwing at the first byte that does not fit.
struct ArchiveReader {
    private let bytes: [UInt8]
    private(set) var offset: Int

    init(_ bytes: [UInt8], from offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    var isAtEnd: Bool { offset == bytes.count }

    /// The checksum of the bytes not read yet.
    var restChecksum: UInt64 {
        bytes.withUnsafeBytes { ShardChecksum.of(UnsafeRawBufferPointer(rebasing: $0[offset...])) }
    }

    mutating func digest() throws(ArchiveError) -> ContentDigest {
        ContentDigest(words: (try fixed(), try fixed(), try fixed(), try fixed()))
    }

    mutating func byte() throws(ArchiveError) -> UInt8 {
        guard offset < bytes.count else { throw ArchiveError() }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func bool() throws(ArchiveError) -> Bool {
        switch try byte() {
        case 0: false
        case 1: true
        default: throw ArchiveError()
        }
    }

    mutating func unsigned() throws(ArchiveError) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw ArchiveError() }
            value |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return value }
            shift += 7
        }
    }

    mutating func int() throws(ArchiveError) -> Int {
        let raw = try unsigned()
        return Int(Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    /// A count of things still to come: never more than the bytes left.
    mutating func count() throws(ArchiveError) -> Int {
        let value = try unsigned()
        guard value <= UInt64(bytes.count - offset) else { throw ArchiveError() }
        return Int(value)
    }

    mutating func fixed() throws(ArchiveError) -> UInt64 {
        guard bytes.count - offset >= 8 else { throw ArchiveError() }
        var value: UInt64 = 0
        for index in (0..<8).reversed() { value = value << 8 | UInt64(bytes[offset + index]) }
        offset += 8
        return value
    }

    mutating func string() throws(ArchiveError) -> String {
        let length = try count()
        defer { offset += length }
        return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
    }

    /// A day the parser could have read: 0001-01-01 to 9999-12-31.
    mutating func day() throws(ArchiveError) -> Day {
        let ordinal = try int()
        guard Self.days.contains(ordinal) else { throw ArchiveError() }
        return Day(ordinal: ordinal)
    }

    mutating func optionalDay() throws(ArchiveError) -> Day? {
        try optional { input throws(ArchiveError) in try input.day() }
    }

    mutating func optionalString() throws(ArchiveError) -> String? {
        try optional { input throws(ArchiveError) in try input.string() }
    }

    private static let days = Day(year: 1, month: 1, day: 1)!.ordinal...Day(year: 9999, month: 12, day: 31)!.ordinal

    /// A whole number in `range`, as the parser checked it.
    mutating func int(in range: ClosedRange<Int>) throws(ArchiveError) -> Int {
        let value = try int()
        guard range.contains(value) else { throw ArchiveError() }
        return value
    }

    mutating func raw<Value: RawRepresentable<String>>(_ type: Value.Type) throws(ArchiveError) -> Value {
        guard let value = Value(rawValue: try string()) else { throw ArchiveError() }
        return value
    }

    mutating func optional<Value>(_ read: (inout ArchiveReader) throws(ArchiveError) -> Value) throws(ArchiveError)
        -> Value?
    {
        try bool() ? try read(&self) : nil
    }

    mutating func markdown() throws(ArchiveError) -> MarkdownBody {
        let markdown = try string()
        return MarkdownBody(markdown: markdown, isEmpty: try bool())
    }

    mutating func location(in path: String) throws(ArchiveError) -> SourceLocation {
        let file = try bool() ? try string() : path
        let line = try int()
        return SourceLocation(path: file, line: line, column: try int())
    }
}
