import Foundation

/// Renders compiled templates into one growing buffer of bytes, with the
/// rules swift-mustache renders by: a name is looked up from the innermost
/// value outwards and, once found, not further; a section repeats for each
/// element of a list, shows once for `true` or any other value found, and
/// not for `false`, a nil optional, an empty list or a name not found; text
/// in `{{name}}` is escaped as `HTML.escape` does; a standalone partial's
/// lines are indented as its tag is; a transform, `empty(rows)`, gives what
/// swift-mustache's gives for the same kind of value, and nothing for a kind
/// it does not transform.
struct TemplateRenderer {
    let templates: [String: CompiledTemplate]
    private var out: [UInt8] = []
    private var stack: [ViewValue] = []
    /// Where in the list being repeated the current value is: what
    /// `index()`, `first()`, `last()` read. Gone inside a value's own section
    /// and inside a partial, as in swift-mustache.
    private var position: (index: Int, last: Bool)?

    init(templates: [String: CompiledTemplate]) { self.templates = templates }

    /// The template `name` rendered with `value`; nil when there is no such template.
    mutating func render(_ name: String, _ value: ViewValue) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        out = []
        out.reserveCapacity(1 << 14)
        stack = [value]
        position = nil
        render(template.nodes, indentation: [])
        return out
    }

    private mutating func render(_ nodes: [CompiledTemplate.Node], indentation: [UInt8]) {
        guard !indentation.isEmpty else {
            for node in nodes { render(node, indentation: indentation) }
            return
        }
        // swift-mustache indents what a tag renders when the template's own
        // output so far ends a line (a line break that is not part of "\r\n").
        let start = out.count
        for node in nodes {
            let count = out.count
            let atLineStart =
                count > start && out[count - 1] == UInt8(ascii: "\n")
                && !(count - 2 >= start && out[count - 2] == UInt8(ascii: "\r"))
            render(node, indentation: indentation)
            if atLineStart, out.count > count { out.insert(contentsOf: indentation, at: count) }
        }
    }

    private mutating func render(_ node: CompiledTemplate.Node, indentation: [UInt8]) {
        switch node {
        case .text(let bytes):
            out += bytes
        case .variable(let name, let escaped):
            if let value = lookUp(name) { write(value, escaped: escaped) }
        case .section(let name, let nodes, let inverted):
            let value = lookUp(name)
            if inverted {
                switch value {
                case nil, .absent?, .flag(false)?: render(nodes, indentation: indentation)
                case .list(let elements)? where elements.isEmpty:
                    render(nodes, with: .list([]), at: nil, indentation: indentation)
                default: break
                }
            } else {
                switch value {
                case nil, .absent?, .flag(false)?: break
                case .flag(true)?: render(nodes, indentation: indentation)
                case .list(let elements)?:
                    for (index, element) in elements.enumerated() {
                        render(nodes, with: element, at: (index, index == elements.count - 1), indentation: indentation)
                    }
                case let value?: render(nodes, with: value, at: nil, indentation: indentation)
                }
            }
        case .partial(let name, let own, _, _):
            guard let template = templates[name] else { return }
            let outer = position
            position = nil
            render(template.nodes, indentation: indentation + own)
            position = outer
        }
    }

    private mutating func render(
        _ nodes: [CompiledTemplate.Node], with value: ViewValue, at position: (index: Int, last: Bool)?,
        indentation: [UInt8]
    ) {
        let outer = self.position
        self.position = position
        stack.append(value)
        render(nodes, indentation: indentation)
        stack.removeLast()
        self.position = outer
    }

    /// The value a tag names, its transforms applied; the position in the
    /// list takes the first of them itself.
    private func lookUp(_ name: CompiledTemplate.Name) -> ViewValue? {
        var transforms = name.transforms[...]
        let found = name.isPosition ? position.flatMap { Self.transform($0, transforms.removeFirst()) } : find(name)
        return transforms.reduce(found) { value, transform in value.flatMap { Self.transform($0, transform) } }
    }

    /// swift-mustache's transforms of text, integers, lists and objects;
    /// flags, reals and nil optionals have none.
    private static func transform(_ value: ViewValue, _ name: String) -> ViewValue? {
        switch (value, name) {
        case (.utf8(let bytes), _): transform(.text(String(decoding: bytes, as: UTF8.self)), name)
        case (.text(let text), "empty"): .flag(text.isEmpty)
        case (.text(let text), "capitalized"): .text(text.capitalized)
        case (.text(let text), "lowercased"): .text(text.lowercased())
        case (.text(let text), "uppercased"): .text(text.uppercased())
        case (.text(let text), "reversed"): .text(String(text.reversed()))
        case (.integer(let number), "equalzero"): .flag(number == 0)
        case (.integer(let number), "plusone"): .integer(number + 1)
        case (.integer(let number), "minusone"): .integer(number - 1)
        case (.integer(let number), "even"): .flag(number & 1 == 0)
        case (.integer(let number), "odd"): .flag(number & 1 == 1)
        case (.list(let elements), "first"): elements.first
        case (.list(let elements), "last"): elements.last
        case (.list(let elements), "reversed"): .list(elements.reversed())
        case (.list(let elements), "count"): .integer(elements.count)
        case (.list(let elements), "empty"): .flag(elements.isEmpty)
        // What `sorted` makes of an object are swift-mustache's `(key:, value:)`
        // tuples: their fields are found, but they take no transform.
        case (.object(let fields), _) where fields.isPair: nil
        case (.object(let fields), "count"): .integer(fields.pairs.count)
        case (.object(let fields), "empty"): .flag(fields.pairs.isEmpty)
        case (.object(let fields), "sorted"):
            .list(
                fields.pairs.sorted { $0.key < $1.key }.map {
                    .object(
                        ViewFields([(key: "key", value: .text($0.key)), (key: "value", value: $0.value)], isPair: true))
                })
        default: nil
        }
    }

    private static func transform(_ position: (index: Int, last: Bool), _ name: String) -> ViewValue? {
        switch name {
        case "first": .flag(position.index == 0)
        case "last": .flag(position.last)
        case "index": .integer(position.index)
        case "even": .flag(position.index & 1 == 0)
        case "odd": .flag(position.index & 1 == 1)
        default: nil
        }
    }

    private func find(_ name: CompiledTemplate.Name) -> ViewValue? {
        guard let first = name.parts.first else { return stack.last }
        var found: ViewValue?
        if name.anchored {
            found = Self.child(first, of: stack[stack.count - 1])
        } else {
            for index in stack.indices.reversed() {
                if let child = Self.child(first, of: stack[index]) {
                    found = child
                    break
                }
            }
        }
        guard var value = found else { return nil }
        for part in name.parts.dropFirst() {
            guard let child = Self.child(part, of: value) else { return nil }
            value = child
        }
        return value
    }

    private static func child(_ name: String, of value: ViewValue) -> ViewValue? {
        guard case .object(let fields) = value else { return nil }
        return fields[name]
    }

    private mutating func write(_ value: ViewValue, escaped: Bool) {
        switch value {
        case .text(let text): append(text, escaped: escaped)
        case .flag(let flag): out += flag ? Array("true".utf8) : Array("false".utf8)
        case .integer(let number): out += String(number).utf8
        case .real(let number): append(String(describing: number), escaped: escaped)
        case .absent: break
        case .utf8(let bytes):
            if escaped { bytes.withUnsafeBufferPointer { HTML.append($0, escapedTo: &out) } } else { out += bytes }
        // A list or an object shown as text: what swift-mustache prints for it.
        case .list, .object: append(String(describing: value.mustacheValue), escaped: escaped)
        }
    }

    private mutating func append(_ text: String, escaped: Bool) {
        var text = text
        text.withUTF8 { bytes in
            if escaped { HTML.append(bytes, escapedTo: &out) } else { out.append(contentsOf: bytes) }
        }
    }
}
