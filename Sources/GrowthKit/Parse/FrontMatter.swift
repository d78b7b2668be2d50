/// A Markdown file split into its YAML front matter and its body.
struct FrontMatter: Sendable {
    /// The YAML between the two `---` lines.
    var yaml: Substring
    /// Add this to a line of the YAML to get the line in the file.
    var lineOffset: Int
    /// The Markdown after the closing `---` line.
    var body: Substring
    /// The file line the body starts on.
    var bodyLine: Int

    /// Splits `text` (LF line endings, no BOM), or reports why it cannot.
    ///
    /// Works on UTF-8 bytes: splitting by `Character` costs more than the YAML.
    static func split(_ text: String, path: String) -> Result<FrontMatter, Diagnostic> {
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var lineNumber = 1
        var yamlStart: String.Index?
        while lineStart < utf8.endIndex || lineNumber == 1 {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let line = utf8[lineStart..<lineEnd]
            let next = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : utf8.endIndex
            if let start = yamlStart {
                if isDelimiter(line, allowDots: true) {
                    return .success(
                        FrontMatter(
                            yaml: text[start..<lineStart], lineOffset: 1, body: text[next...], bodyLine: lineNumber + 1)
                    )
                }
            } else {
                guard isDelimiter(line, allowDots: false), lineEnd < utf8.endIndex else {
                    return .failure(
                        .error(
                            .frontMatter, at: SourceLocation(path: path),
                            "the file must start with a `---` line, then the front matter, then another `---` line"))
                }
                yamlStart = next
            }
            if lineEnd == utf8.endIndex { break }
            lineStart = next
            lineNumber += 1
        }
        return .failure(
            .error(
                .frontMatter, at: SourceLocation(path: path),
                "the front matter is not closed: add a `---` line after it"))
    }

    private static func isDelimiter(_ line: Substring.UTF8View, allowDots: Bool) -> Bool {
        var trimmed = line[...]
        while let last = trimmed.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
            trimmed = trimmed.dropLast()
        }
        return trimmed.elementsEqual("---".utf8) || (allowDots && trimmed.elementsEqual("...".utf8))
    }
}
