@preconcurrency internal import Yams

/// Collects the diagnostics of one file while its YAML is read.
final class FileDiagnostics {
    let path: String
    /// Add to a YAML line to get the file line.
    let lineOffset: Int
    private(set) var diagnostics: [Diagnostic] = []

    init(path: String, lineOffset: Int = 0) {
        self.path = path
        self.lineOffset = lineOffset
    }

    func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    func error(_ rule: Rule, at location: SourceLocation, _ message: String) {
        add(.error(rule, at: location, message))
    }

    func warning(_ rule: Rule, at location: SourceLocation, _ message: String) {
        add(.warning(rule, at: location, message))
    }

    var fileStart: SourceLocation { SourceLocation(path: path) }

    func location(of node: YAMLNode) -> SourceLocation {
        SourceLocation(path: path, line: node.line + lineOffset, column: node.column)
    }

    func location(of mark: Mark) -> SourceLocation {
        SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
    }

    /// Composes the YAML into a mapping of fields; nil (with a diagnostic) when
    /// it is not valid YAML or not a mapping.
    func fields(ofYAML yaml: Substring) -> YAMLFields? {
        if let deep = Self.tooDeep(yaml) {
            self.error(
                .yamlSyntax, at: SourceLocation(path: path, line: deep.line + lineOffset, column: deep.column),
                "the front matter nests deeper than \(Self.maxDepth) levels here; growth reads no deeper (a value is a text, a list or a mapping of those)"
            )
            return nil
        }
        let root: YAMLNode?
        do {
            root = try YAMLNode.compose(yaml)
        } catch let error as YamlError {
            add(syntaxDiagnostic(error))
            return nil
        } catch {
            self.error(.yamlSyntax, at: fileStart, "the YAML cannot be read: \(error)")
            return nil
        }
        guard let root else { return YAMLFields([], in: self, at: fileStart) }
        guard let mapping = root.pairs else {
            self.error(.wrongType, at: location(of: root), "the front matter must be a list of `key: value` lines")
            return nil
        }
        return YAMLFields(mapping, in: self, at: location(of: root))
    }

    /// How deep lists and mappings may nest: the parser recurses per level,
    /// and thousands of levels would overflow its stack.
    static let maxDepth = 32

    /// Where the YAML first nests deeper than `maxDepth`: brackets of flow
    /// collections (outside quotes), or block indentation so deep only
    /// nesting can explain it. Nil when it does not.
    static func tooDeep(_ yaml: Substring) -> (line: Int, column: Int)? {
        yaml.utf8.withContiguousStorageIfAvailable(tooDeep) ?? tooDeep(Array(yaml.utf8))
    }

    private static func tooDeep(_ bytes: some Sequence<UInt8>) -> (line: Int, column: Int)? {
        var depth = 0
        var line = 1
        var column = 0
        var quote: UInt8?
        var indentation = 0
        var atLineStart = true
        // By the byte: every byte the check looks for is ASCII, and a
        // column counts the characters (scalars) of the line, each of which
        // starts with a byte that is not a continuation byte.
        for byte in bytes {
            if byte & 0xC0 != 0x80 { column += 1 }
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 0
                indentation = 0
                atLineStart = true
                continue
            }
            if atLineStart {
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") {
                    indentation += 1
                    if indentation > maxDepth * 4 { return (line, column) }
                    continue
                }
                atLineStart = false
            }
            if let open = quote {
                if byte == open { quote = nil }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
            case UInt8(ascii: "#"): atLineStart = false
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maxDepth { return (line, column) }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            default: break
            }
        }
        return nil
    }

    private func syntaxDiagnostic(_ error: YamlError) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, let yaml),
            .parser(let context, let problem, let mark, let yaml),
            .composer(let context, let problem, let mark, let yaml):
            let detail = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            // A construct left open (`mood: [3`) is only noticed past the last
            // line, on the closing `---`; point at where it was opened instead.
            let lastLine = yaml.split(separator: "\n", omittingEmptySubsequences: true).count
            let at = mark.line > lastLine ? (context?.mark ?? mark) : mark
            return .error(.yamlSyntax, at: location(of: at), "the YAML is malformed: \(detail)")
        default:
            return .error(.yamlSyntax, at: fileStart, "the YAML is malformed: \(error)")
        }
    }
}

/// The `key: value` pairs of one YAML mapping, read with typed accessors that
/// report a diagnostic at the offending key or value and return nil.
///
/// Construction reports duplicate keys; `rejectUnknownKeys` reports keys no reader knows.
struct YAMLFields {
    let file: FileDiagnostics
    /// Where the mapping itself starts: missing fields are reported here.
    let location: SourceLocation
    /// The pairs in file order, the first of each name. A front matter has
    /// a dozen keys: comparing names finds one as fast as hashing them, and
    /// a mapping with many keys gets an index, so it is never quadratic.
    private var pairs: [(name: String, key: YAMLNode, value: YAMLNode)] = []
    private var index: [String: Int]?
    private static let indexedFrom = 24

    init(_ mapping: [(key: YAMLNode, value: YAMLNode)], in file: FileDiagnostics, at location: SourceLocation) {
        self.file = file
        self.location = location
        for (key, value) in mapping {
            guard let name = key.text else {
                file.error(.wrongType, at: file.location(of: key), "a key must be a plain word")
                continue
            }
            if let first = position(of: name) {
                let firstAt = file.location(of: pairs[first].key)
                file.error(
                    .duplicateKey, at: file.location(of: key),
                    "`\(name)` is given twice; the first is at line \(firstAt.line)")
                continue
            }
            pairs.append((name, key, value))
            if index != nil {
                index?[name] = pairs.count - 1
            } else if pairs.count == Self.indexedFrom {
                index = Dictionary(pairs.enumerated().map { ($0.element.name, $0.offset) }) { first, _ in first }
            }
        }
    }

    private func position(of name: String) -> Int? {
        if let index { return index[name] }
        return pairs.firstIndex { $0.name == name }
    }

    private func pair(_ name: String) -> (name: String, key: YAMLNode, value: YAMLNode)? {
        position(of: name).map { pairs[$0] }
    }

    /// The keys present, in file order.
    var keys: [String] { pairs.map(\.name) }

    /// Warns about every key not in `known`.
    func rejectUnknownKeys(_ known: Set<String>, in context: String) {
        for pair in pairs where !known.contains(pair.name) {
            let name = pair.name
            let suggestion = known.sorted().joined(separator: ", ")
            file.warning(
                .unknownField, at: file.location(of: pair.key),
                "`\(name)` is not a field of \(context) (known: \(suggestion)); it is ignored")
        }
    }

    /// The value node of `key`, treating `~`, `null` and an empty value as absent.
    func node(_ key: String) -> YAMLNode? {
        guard let value = pair(key)?.value else { return nil }
        if value.isPlain, let text = value.text, Self.isNull(text) { return nil }
        return value
    }

    func keyLocation(_ key: String) -> SourceLocation {
        pair(key).map { file.location(of: $0.key) } ?? location
    }

    func valueLocation(_ key: String) -> SourceLocation {
        pair(key).map { file.location(of: $0.value) } ?? location
    }

    func has(_ key: String) -> Bool { node(key) != nil }

    private func missing(_ key: String, required: Bool, _ what: String) {
        guard required else { return }
        file.error(.missingField, at: location, "`\(key)` is missing: give \(what)")
    }

    /// A text value (numbers and dates are read as the text they are written as).
    func string(_ key: String, required: Bool = false, what: String = "a text") -> String? {
        guard let node = node(key) else {
            missing(key, required: required, what)
            return nil
        }
        guard let scalar = node.text else {
            file.error(.wrongType, at: file.location(of: node), "`\(key)` must be \(what), not a list or a mapping")
            return nil
        }
        var text = scalar.trimmingCharactersInSpaces()
        if text.isEmpty {
            missing(key, required: required, what)
            return nil
        }
        if text.hasDirectionControl {
            file.warning(
                .invalidValue, at: valueLocation(key),
                "`\(key)` holds an invisible text-direction control (such as U+202E), which can make a name read as another; it is removed"
            )
            text = String(String.UnicodeScalarView(text.unicodeScalars.filter { !Self.isDirectionControl($0) }))
        }
        return text
    }

    /// Bidirectional embedding, override and isolate controls.
    static func isDirectionControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// A whole number, optionally within `range`.
    func int(_ key: String, required: Bool = false, in range: ClosedRange<Int>? = nil, what: String) -> Int? {
        guard let text = string(key, required: required, what: what) else { return nil }
        guard let value = Int(text) else {
            file.error(.wrongType, at: valueLocation(key), "`\(key): \(text)` must be \(what)")
            return nil
        }
        if let range, !range.contains(value) {
            file.error(.invalidValue, at: valueLocation(key), "`\(key): \(text)` must be \(what)")
            return nil
        }
        return value
    }

    /// A number (integer or decimal) that is not negative.
    func number(_ key: String, required: Bool = false, what: String) -> Double? {
        guard let text = string(key, required: required, what: what) else { return nil }
        guard let value = Double(text), value.isFinite, value >= 0 else {
            file.error(.wrongType, at: valueLocation(key), "`\(key): \(text)` must be \(what)")
            return nil
        }
        return value
    }

    /// `true`/`false` (also `yes`/`no`).
    func bool(_ key: String) -> Bool? {
        guard let text = string(key, what: "true or false") else { return nil }
        // As written, most often: not lowercased into a new string to find out.
        if text == "true" { return true }
        if text == "false" { return false }
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            file.error(.wrongType, at: valueLocation(key), "`\(key): \(text)` must be true or false")
            return nil
        }
    }

    /// A calendar day written `YYYY-MM-DD`.
    func day(_ key: String, required: Bool = false) -> Day? {
        guard let text = string(key, required: required, what: "a date as YYYY-MM-DD") else { return nil }
        return Self.day(text, key: key, at: valueLocation(key), in: file)
    }

    static func day(_ text: String, key: String, at location: SourceLocation, in file: FileDiagnostics) -> Day? {
        if let day = Day(iso: text) { return day }
        if Day.looksLikeISO(text) {
            file.error(.invalidDate, at: location, "`\(key): \(text)` is not a real date")
        } else {
            file.error(.invalidDate, at: location, "`\(key): \(text)` must be a date as YYYY-MM-DD")
        }
        return nil
    }

    /// One of the raw values of `E`.
    func choice<E: RawRepresentable & CaseIterable>(
        _ key: String, required: Bool = false, as type: E.Type = E.self, rule: Rule = .invalidValue
    ) -> E? where E.RawValue == String {
        let options = E.allCases.map(\.rawValue).joined(separator: ", ")
        guard let text = string(key, required: required, what: "one of \(options)") else { return nil }
        guard let value = E(rawValue: text) else {
            file.error(rule, at: valueLocation(key), "`\(key): \(text)` must be one of \(options)")
            return nil
        }
        return value
    }

    /// A nested mapping.
    func fields(_ key: String, required: Bool = false, what: String) -> YAMLFields? {
        guard let node = node(key) else {
            missing(key, required: required, what)
            return nil
        }
        guard let mapping = node.pairs else {
            file.error(.wrongType, at: file.location(of: node), "`\(key)` must be \(what)")
            return nil
        }
        return YAMLFields(mapping, in: file, at: file.location(of: node))
    }

    /// A list; a single scalar is read as a list of one.
    func list(_ key: String, required: Bool = false, what: String) -> [YAMLNode]? {
        guard let node = node(key) else {
            missing(key, required: required, what)
            return nil
        }
        switch node.value {
        case .sequence(let items): return items
        case .scalar: return [node]
        case .mapping:
            file.error(.wrongType, at: file.location(of: node), "`\(key)` must be \(what)")
            return nil
        }
    }

    /// A list of plain texts with where each was written.
    func stringList(_ key: String, required: Bool = false, what: String) -> [(String, SourceLocation)] {
        guard let nodes = list(key, required: required, what: what) else { return [] }
        return nodes.compactMap { node in
            guard let text = node.text?.trimmingCharactersInSpaces(), !text.isEmpty else {
                file.error(.wrongType, at: file.location(of: node), "each item of `\(key)` must be \(what)")
                return nil
            }
            return (text, file.location(of: node))
        }
    }

    static func isNull(_ text: String) -> Bool {
        text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }
}

extension String {
    func trimmingCharactersInSpaces() -> String {
        // Most values neither start nor end with white space, which their
        // first and last bytes tell when they are ASCII: no Character is read.
        if let first = utf8.first, let last = utf8.last, Self.isPlainASCII(first), Self.isPlainASCII(last) {
            return self
        }
        var s = self[...]
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }

    /// An ASCII byte that is not white space.
    private static func isPlainASCII(_ byte: UInt8) -> Bool {
        byte < 0x80 && byte != UInt8(ascii: " ") && !(0x09...0x0D).contains(byte)
    }

    /// Whether the text holds a bidirectional embedding, override or isolate
    /// control (U+202A–U+202E, U+2066–U+2069): looked for in the bytes
    /// (E2 80 AA–AE, E2 81 A6–A9), which every value goes through.
    var hasDirectionControl: Bool {
        var bytes = utf8.makeIterator()
        while let byte = bytes.next() {
            guard byte == 0xE2 else { continue }
            guard let second = bytes.next(), let third = bytes.next() else { return false }
            if second == 0x80, (0xAA...0xAE).contains(third) { return true }
            if second == 0x81, (0xA6...0xA9).contains(third) { return true }
        }
        return false
    }
}
