/// The stable id of each kind of problem, printed with every diagnostic so a
/// school can look it up in the docs and CI can match on it.
public enum Rule: String, Sendable, Hashable, CaseIterable {
    // Files and encodings
    case encoding = "encoding"
    case fileName = "file-name"
    case unexpectedFile = "unexpected-file"
    case unreadableFile = "unreadable-file"
    case missingFile = "missing-file"
    // Front matter and YAML
    case frontMatter = "front-matter"
    case yamlSyntax = "yaml-syntax"
    case duplicateKey = "duplicate-key"
    case unknownField = "unknown-field"
    case missingField = "missing-field"
    case wrongType = "wrong-type"
    case invalidValue = "invalid-value"
    case invalidDate = "invalid-date"
    case badCadence = "bad-cadence"
    case termOrder = "term-order"
    // Records
    case unknownRecordType = "unknown-record-type"
    case unknownArea = "unknown-area"
    case emptyTalk = "empty-talk"
    case duplicateRecord = "duplicate-record"
    // Cross-file
    case unknownID = "unknown-id"
    case duplicateID = "duplicate-id"
    case noTutor = "no-tutor"
    case tutorOverCapacity = "tutor-over-capacity"
    case tutorWithoutStudents = "tutor-without-students"
    case noPartner = "no-partner"
    case dateOutsideTerm = "date-outside-term"
    case dateBetweenTerms = "date-between-terms"
    case reviewKey = "review-key"
    case dateAfterAsOf = "date-after-as-of"
    case dateInFuture = "date-in-future"
    // Surveys
    case csvColumns = "csv-columns"
    case csvValue = "csv-value"
    case csvHeader = "csv-header"
    // Site
    case template = "template"
    case output = "output"
}
