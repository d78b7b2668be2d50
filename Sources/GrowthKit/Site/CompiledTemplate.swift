/// A Mustache template read once into a tree that renders a `ViewValue`
/// straight into bytes.
///
/// swift-mustache finds each name through several dynamic casts of `Any` and
/// escapes text one `Character` at a time; on a large school that was most of
/// the build. This tree reads the same templates the same way, tag by tag:
/// the parser follows swift-mustache 2.1.1's own (its standalone lines, its
/// partial indentation, its set delimiters, its transforms such as
/// `empty(rows)`), and a test renders every page of the demo school both
/// ways and compares the bytes. What it does not know (swift-mustache's
/// inheritance, dynamic partials, pragmas and the `enumerated` transform,
/// whose order swift-mustache leaves to chance) makes `compile` return nil, and the template set then renders through
/// swift-mustache as before. A template swift-mustache rejects never gets
/// here: `TemplateSet` parses every template with it first.
struct CompiledTemplate: Sendable {
    let nodes: [Node]

    indirect enum Node: Sendable {
        case text([UInt8])
        case variable(Name, escaped: Bool)
        case section(Name, [Node], inverted: Bool)
        /// A partial, and the line and column of its tag.
        case partial(String, indentation: [UInt8], line: Int, column: Int)
    }

    /// Every partial the template includes, sections' included, with the
    /// place of its tag.
    var partials: [(name: String, line: Int, column: Int)] {
        func walk(_ nodes: [Node], into found: inout [(name: String, line: Int, column: Int)]) {
            for node in nodes {
                switch node {
                case .partial(let name, _, let line, let column): found.append((name, line, column))
                case .section(_, let inner, _): walk(inner, into: &found)
                case .text, .variable: break
                }
            }
        }
        var found: [(name: String, line: Int, column: Int)] = []
        walk(nodes, into: &found)
        return found
    }

    /// A tag's name: `.` (or nothing) for the current value, `a.b.c` looked
    /// up from the innermost value outwards, `.a.b` in the current value only;
    /// then its transforms, `count(items)`, innermost first. A name of nothing
    /// with transforms, `index()`, is the position in the list being repeated.
    struct Name: Sendable {
        let parts: [String]
        let anchored: Bool
        let transforms: [String]
        let isPosition: Bool

        init(_ text: String, transforms: [String] = []) {
            anchored = text.first == "."
            parts = text.split(separator: ".").map(String.init)
            self.transforms = transforms.reversed()
            isPosition = text.isEmpty && !transforms.isEmpty
        }
    }

    /// The template, or nil when it uses what only swift-mustache renders.
    static func compile(_ text: String) -> CompiledTemplate? {
        var reader = TemplateReader(Array(text))
        guard let nodes = try? reader.parse(TemplateReader.State()) else { return nil }
        return CompiledTemplate(nodes: nodes)
    }
}

/// What makes a template one for swift-mustache alone.
private struct Unsupported: Error {}

/// swift-mustache's parser (`MustacheTemplate.parse`), step for step, over the
/// template's characters.
private struct TemplateReader {
    let characters: [Character]
    var position = 0

    init(_ characters: [Character]) { self.characters = characters }

    struct State {
        var sectionName: String?
        var newLine = true
        var start: [Character] = ["{", "{"]
        var end: [Character] = ["}", "}"]
    }

    var atEnd: Bool { position == characters.count }
    var current: Character { atEnd ? "\0" : characters[position] }

    mutating func parse(_ state: State) throws(Unsupported) -> [CompiledTemplate.Node] {
        var nodes: [CompiledTemplate.Node] = []
        var state = state
        var whiteSpaceBefore: [Character] = []
        func text(_ characters: [Character]) -> CompiledTemplate.Node { .text(Array(String(characters).utf8)) }
        func flushWhiteSpace() {
            if !whiteSpaceBefore.isEmpty {
                nodes.append(text(whiteSpaceBefore))
                whiteSpaceBefore = []
            }
        }
        while !atEnd {
            if state.newLine { whiteSpaceBefore = read(while: { $0 == " " || $0 == "\t" }) }
            let before = try readUntilTagOrNewline(state)
            if current.isNewline {
                nodes.append(text(whiteSpaceBefore + before + [current]))
                state.newLine = true
                position += 1
                continue
            }
            if !before.isEmpty {
                nodes.append(text(whiteSpaceBefore + before))
                whiteSpaceBefore = []
                state.newLine = false
            }
            if atEnd { break }
            var setNewLine = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let text = try readName(state)
                let name = try Self.name(text)
                if isStandalone(state) {
                    setNewLine = true
                } else {
                    flushWhiteSpace()
                }
                var inner = state
                inner.sectionName = text
                if !setNewLine { inner.newLine = false }
                let content = try parse(inner)
                nodes.append(.section(name, content, inverted: inverted))
            case "/":
                position += 1
                let name = try readName(state)
                guard name == state.sectionName else { throw Unsupported() }
                if !isStandalone(state) { flushWhiteSpace() }
                return nodes
            case "!":
                position += 1
                try skipComment(state)
                setNewLine = isStandalone(state)
            case "{", "&":
                let triple = current == "{"
                flushWhiteSpace()
                position += 1
                let name = try Self.name(try readName(state))
                if triple {
                    guard current == "}" else { throw Unsupported() }
                    position += 1
                }
                nodes.append(.variable(name, escaped: false))
            case ">":
                let (line, column) = place(of: position - state.start.count)
                position += 1
                _ = read(while: \.isWhitespace)
                guard current != "*" else { throw Unsupported() }
                let name = try readName(state, partial: true)
                if !whiteSpaceBefore.isEmpty { nodes.append(text(whiteSpaceBefore)) }
                if isStandalone(state) {
                    setNewLine = true
                    nodes.append(
                        .partial(name, indentation: Array(String(whiteSpaceBefore).utf8), line: line, column: column))
                } else {
                    nodes.append(.partial(name, indentation: [], line: line, column: column))
                }
                whiteSpaceBefore = []
            case "=":
                position += 1
                state = try readDelimiters(state)
                setNewLine = isStandalone(state)
            case "<", "$", "%":
                throw Unsupported()
            default:
                flushWhiteSpace()
                nodes.append(.variable(try Self.name(try readName(state)), escaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw Unsupported() }
        return nodes
    }

    /// The line and column (in characters) of `index`.
    func place(of index: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for offset in 0..<index where characters[offset].isNewline {
            line += 1
            lineStart = offset + 1
        }
        return (line, index - lineStart + 1)
    }

    mutating func read(while accept: (Character) -> Bool) -> [Character] {
        let start = position
        while !atEnd, accept(characters[position]) { position += 1 }
        return Array(characters[start..<position])
    }

    /// `read(string:)`: the characters are next, and are read; too few left to
    /// compare is swift-mustache's overflow, which fails its parse.
    mutating func read(_ expected: [Character]) throws(Unsupported) -> Bool {
        guard characters.count - position >= expected.count else { throw Unsupported() }
        guard characters[position..<position + expected.count].elementsEqual(expected) else { return false }
        position += expected.count
        return true
    }

    mutating func readUntilTagOrNewline(_ state: State) throws(Unsupported) -> [Character] {
        guard let first = state.start.first else { return [] }
        var text: [Character] = []
        while !atEnd {
            text += read(while: { $0 != "\n" && $0 != "\r\n" && $0 != first })
            if current.isNewline { break }
            if current == first {
                if try read(state.start) { break }
                text.append(first)
                position += 1
            }
        }
        return text
    }

    /// The name of a tag, up to its end delimiter: a variable's or a
    /// section's (`parseName`), or with `/` allowed a partial's (`parsePartialName`).
    mutating func readName(_ state: State, partial: Bool = false) throws(Unsupported) -> String {
        _ = read(while: \.isWhitespace)
        let allowed = partial ? Self.partialNameCharacters : Self.nameCharacters
        let name = String(read(while: allowed.contains))
        _ = read(while: \.isWhitespace)
        guard try read(state.end) else { throw Unsupported() }
        return name
    }

    /// A tag's text read as a name and its transforms, as swift-mustache's
    /// `parseName` reads it: `a(b(name))` is `name` with `b`, then `a`.
    static func name(_ text: String) throws(Unsupported) -> CompiledTemplate.Name {
        var reader = TemplateReader(Array(text))
        let head = String(reader.read(while: plainNameCharacters.contains))
        guard !reader.atEnd else { return CompiledTemplate.Name(text) }
        guard reader.current == "(" else { throw Unsupported() }
        reader.position += 1
        var transforms = [head]
        while true {
            let next = String(reader.read(while: plainNameCharacters.contains))
            switch reader.current {
            case ")":
                reader.position += 1
                let closing = reader.read(while: { $0 == ")" }).count
                guard closing + 1 == transforms.count, reader.atEnd else { throw Unsupported() }
                guard !transforms.contains("enumerated") else { throw Unsupported() }
                return CompiledTemplate.Name(next, transforms: transforms)
            case "(":
                reader.position += 1
                transforms.append(next)
            default:
                throw Unsupported()
            }
        }
    }

    /// `read(untilString:skipToEnd:)`, with its matcher that starts again
    /// after a mismatch without looking back.
    mutating func skipComment(_ state: State) throws(Unsupported) {
        var matched = 0
        while !atEnd {
            if characters[position] == state.end[matched] {
                matched += 1
                if matched == state.end.count {
                    position += 1
                    return
                }
            } else {
                matched = 0
            }
            position += 1
        }
        throw Unsupported()
    }

    mutating func readDelimiters(_ state: State) throws(Unsupported) -> State {
        _ = read(while: \.isWhitespace)
        let start = read(while: { !$0.isWhitespace })
        guard !atEnd else { throw Unsupported() }
        _ = read(while: \.isWhitespace)
        let end = read(while: { $0 != "=" && !$0.isWhitespace })
        guard !atEnd else { throw Unsupported() }
        _ = read(while: \.isWhitespace)
        guard current == "=" else { throw Unsupported() }
        position += 1
        guard try read(state.end), !start.isEmpty, !end.isEmpty else { throw Unsupported() }
        var state = state
        state.start = start
        state.end = end
        return state
    }

    /// The tag stands alone on its line: the rest of the line, spaces and
    /// its line break, is read with it.
    mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var next = position
        while next < characters.count, characters[next] == " " || characters[next] == "\t" { next += 1 }
        guard next < characters.count, characters[next].isNewline else { return false }
        position = next + 1
        return true
    }

    static let plainNameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    static let partialNameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")
}
