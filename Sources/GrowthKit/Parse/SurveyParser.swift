internal import CSV

/// Reads `surveys/*.csv`: `date,respondent,student,score,contacted,comment`,
/// and optionally `method` and one column per question of `survey.questions`
/// in school.yml, in any order after the header names them.
enum SurveyParser {
    static let header = ["date", "respondent", "student", "score", "contacted", "comment"]

    /// Where each column of a file's header is.
    struct Columns {
        /// The index of each required column, in `header` order.
        var required: [Int]
        var method: Int?
        /// Other columns: question ids, by index, with where the header names them.
        var questions: [(index: Int, id: String, header: SourceLocation)]

        /// Reads the header row; nil (with an error) when a required column is missing.
        init?(_ names: [String], at: (Int) -> SourceLocation, file: FileDiagnostics) {
            var seen: [String: Int] = [:]
            for (index, name) in names.enumerated() {
                if seen[name] != nil {
                    file.error(.csvHeader, at: at(index), "the column `\(name)` is named twice")
                    return nil
                }
                seen[name] = index
            }
            let missing = SurveyParser.header.filter { seen[$0] == nil }
            guard missing.isEmpty else {
                file.error(
                    .csvHeader, at: at(0),
                    "the header must name `\(SurveyParser.header.joined(separator: ","))` "
                        + "(then `method` and question columns if you like); "
                        + "\(missing.map { "`\($0)`" }.joined(separator: ", ")) \(missing.count == 1 ? "is" : "are") missing"
                )
                return nil
            }
            required = SurveyParser.header.map { seen[$0]! }
            method = seen["method"]
            questions = names.enumerated().filter { !SurveyParser.header.contains($0.1) && $0.1 != "method" }
                .map { ($0.0, $0.1, at($0.0)) }
        }

        var count: Int { required.count + (method == nil ? 0 : 1) + questions.count }
    }

    static func parse(_ text: String, path: String) -> ([Parsed<SurveyResponse>], [Diagnostic]) {
        let file = FileDiagnostics(path: path)
        if text.allSatisfy(\.isWhitespace) {
            file.error(
                .csvHeader, at: file.fileStart,
                "the file is empty: a survey file starts with the header `\(header.joined(separator: ","))`")
            return ([], file.diagnostics)
        }
        if let open = unclosedQuote(text) {
            file.error(
                .csvValue, at: SourceLocation(path: path, line: open.line, column: open.column),
                "this quote is not closed, so the next \(open.swallowed) row\(open.swallowed == 1 ? "" : "s") "
                    + "would be read as part of this field; close it with a `\"`. No row of this file is read until then"
            )
            return ([], file.diagnostics)
        }
        let rawLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let reader = try? CSVReader(string: text, hasHeaderRow: false) else {
            file.error(.csvHeader, at: file.fileStart, "the CSV cannot be read")
            return ([], file.diagnostics)
        }
        var rows: [Parsed<SurveyResponse>] = []
        var line = 1
        var columns: Columns?
        while let fields = reader.next() {
            let rowLine = line
            line += 1 + fields.reduce(0) { $0 + $1.count { $0 == "\n" } }
            // A blank line reads as one empty field.
            if fields.count == 1, fields[0].allSatisfy(\.isWhitespace) { continue }
            let rawLine = rowLine - 1 < rawLines.count ? rawLines[rowLine - 1] : ""
            func at(_ index: Int) -> SourceLocation {
                SourceLocation(path: path, line: rowLine, column: column(ofField: index, in: rawLine))
            }
            guard let known = columns else {
                let names = fields.map { $0.trimmingCharactersInSpaces().lowercased() }
                guard let header = Columns(names, at: at, file: file) else { return (rows, file.diagnostics) }
                columns = header
                continue
            }
            guard fields.count == known.count else {
                file.error(
                    .csvColumns, at: at(0),
                    "the row has \(fields.count) column\(fields.count == 1 ? "" : "s"), not \(known.count); quote a comment that holds a comma"
                )
                continue
            }
            if let row = parseRow(known.required.map { fields[$0] }, at: { at(known.required[$0]) }, file: file),
                let complete = addOptionalColumns(row, fields, known, at: at, file: file)
            {
                rows.append(complete)
            }
        }
        return (rows, file.diagnostics)
    }

    static func parseRow(
        _ fields: [String], at: (Int) -> SourceLocation, file: FileDiagnostics
    ) -> Parsed<SurveyResponse>? {
        let value = fields.map { $0.trimmingCharactersInSpaces() }
        let date = Day(iso: value[0])
        if date == nil {
            file.error(.invalidDate, at: at(0), "`\(value[0])` is not a date as YYYY-MM-DD")
        }
        let respondent = Respondent(rawValue: value[1])
        if respondent == nil {
            file.error(.csvValue, at: at(1), "respondent `\(value[1])` must be parent or student")
        }
        if value[2].isEmpty { file.error(.csvValue, at: at(2), "the student id is missing") }
        let score = Int(value[3]).flatMap { (1...5).contains($0) ? $0 : nil }
        if score == nil {
            file.error(.csvValue, at: at(3), "score `\(value[3])` must be a whole number from 1 to 5")
        }
        let contacted: Bool?
        switch value[4].lowercased() {
        case "yes": contacted = true
        case "no": contacted = false
        default:
            contacted = nil
            file.error(.csvValue, at: at(4), "contacted `\(value[4])` must be yes or no")
        }
        guard let date, let respondent, !value[2].isEmpty, let score, let contacted else { return nil }
        return Parsed(
            value: SurveyResponse(
                date: date, respondent: respondent, studentID: value[2], score: score, contacted: contacted,
                comment: Confidential(value[5].isEmpty ? nil : value[5]), source: at(0)),
            references: [IDReference(kind: .student, id: value[2], location: at(2), field: "student")],
            dateLocation: at(0))
    }

    /// `method` and the other columns of one row; nil (with an error at the
    /// cell) when the method is not one of the two.
    static func addOptionalColumns(
        _ row: Parsed<SurveyResponse>, _ fields: [String], _ known: Columns, at: (Int) -> SourceLocation,
        file: FileDiagnostics
    ) -> Parsed<SurveyResponse>? {
        var row = row
        if let index = known.method {
            let text = fields[index].trimmingCharactersInSpaces().lowercased()
            if !text.isEmpty {
                guard let method = SurveyMethod(rawValue: text) else {
                    file.error(.csvValue, at: at(index), "method `\(text)` must be phone or questionnaire")
                    return nil
                }
                row.value.method = method
            }
        }
        for (index, id, header) in known.questions {
            // Read when the model is built: only school.yml says which columns are questions.
            row.fieldLocations["question:" + id] = header
            row.fieldLocations["cell:" + id] = at(index)
            row.cells[id] = fields[index].trimmingCharactersInSpaces()
        }
        return row
    }

    /// A quoted field that runs on over lines that look like rows of their own
    /// (`2025-10-31,parent,…`): a quote left open, not a comment with a line
    /// break. Where it opens, and how many rows it would swallow.
    static func unclosedQuote(_ text: String) -> (line: Int, column: Int, swallowed: Int)? {
        let scalars = Array(text.unicodeScalars)
        var line = 1
        var column = 0
        var fieldStart = true
        var open: (line: Int, column: Int)?
        var swallowed = 0
        var index = 0
        while index < scalars.count {
            let c = scalars[index]
            column += 1
            if let start = open {
                if c == "\"" {
                    if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                        index += 2
                        column += 1
                        continue
                    }
                    open = nil
                    if swallowed > 0 { return (start.line, start.column, swallowed) }
                } else if c == "\n" {
                    line += 1
                    column = 0
                    if looksLikeRow(scalars, from: index + 1) { swallowed += 1 }
                }
                index += 1
                continue
            }
            switch c {
            case "\"" where fieldStart: open = (line, column)
            case ",": fieldStart = true
            case "\n":
                line += 1
                column = 0
                fieldStart = true
            default: fieldStart = false
            }
            if c != "," && c != "\n" && c != "\"" { fieldStart = false }
            index += 1
        }
        if let start = open, swallowed > 0 { return (start.line, start.column, swallowed) }
        return nil
    }

    /// `YYYY-MM-DD,` at `index`: how every row of a survey starts.
    static func looksLikeRow(_ scalars: [Unicode.Scalar], from index: Int) -> Bool {
        guard index + 11 <= scalars.count else { return false }
        for offset in 0..<11 {
            let c = scalars[index + offset]
            switch offset {
            case 4, 7: if c != "-" { return false }
            case 10: if c != "," { return false }
            default: if !("0"..."9").contains(c) { return false }
            }
        }
        return true
    }

    /// The column a field starts at in its line, counting quoted commas right.
    static func column(ofField index: Int, in line: Substring) -> Int {
        var field = 0
        var quoted = false
        var column = 1
        for character in line.unicodeScalars {
            if field == index { return column }
            if character == "\"" {
                quoted.toggle()
            } else if character == ",", !quoted {
                field += 1
            }
            column += 1
        }
        return field == index ? column : 1
    }
}
