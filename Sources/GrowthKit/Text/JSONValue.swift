/// A JSON document written by hand so its bytes are stable: keys sorted,
/// two-space indent, numbers rounded, `/` after `<` escaped so the text can
/// sit inside a `<script>` too.
indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// A fraction or score rounded to 4 decimals; null when absent.
    static func rounded(_ value: Double?) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        return .number((value * 10_000).rounded() / 10_000)
    }

    static func optional(_ value: String?) -> JSONValue { value.map { .string($0) } ?? .null }

    /// The document, ending with a newline.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The document's UTF-8, ending with a newline: what a file holds.
    var bytes: [UInt8] {
        var out: [UInt8] = []
        write(to: &out, indent: 0)
        out.append(UInt8(ascii: "\n"))
        return out
    }

    private func write(to out: inout [UInt8], indent: Int) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let value): out += (value ? "true" : "false").utf8
        case .int(let value): out += String(value).utf8
        case .number(let value):
            out += (value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)).utf8
        case .string(let value): Self.quote(value, into: &out)
        case .array(let values):
            guard !values.isEmpty else {
                out += "[]".utf8
                return
            }
            out += "[\n".utf8
            for (index, value) in values.enumerated() {
                Self.spaces(indent + 2, into: &out)
                value.write(to: &out, indent: indent + 2)
                out += (index == values.count - 1 ? "\n" : ",\n").utf8
            }
            Self.spaces(indent, into: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            guard !members.isEmpty else {
                out += "{}".utf8
                return
            }
            out += "{\n".utf8
            let keys = members.keys.sorted()
            for (index, key) in keys.enumerated() {
                Self.spaces(indent + 2, into: &out)
                Self.quote(key, into: &out)
                out += ": ".utf8
                members[key]!.write(to: &out, indent: indent + 2)
                out += (index == keys.count - 1 ? "\n" : ",\n").utf8
            }
            Self.spaces(indent, into: &out)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func spaces(_ count: Int, into out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
    }

    /// `text` as a JSON string, byte by byte: runs of bytes that need no
    /// escape are copied whole. Quotes, backslashes and control characters
    /// are escaped, `/` after `<`, and U+2028 and U+2029, which end a line
    /// of JavaScript.
    static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var copied = 0
            var index = 0
            func escape(_ escaped: String, skipping length: Int = 1) {
                out.append(contentsOf: bytes[copied..<index])
                out += escaped.utf8
                index += length
                copied = index
            }
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""): escape("\\\"")
                case UInt8(ascii: "\\"): escape("\\\\")
                case UInt8(ascii: "\n"): escape("\\n")
                case UInt8(ascii: "\r"): escape("\\r")
                case UInt8(ascii: "\t"): escape("\\t")
                case UInt8(ascii: "/") where index > 0 && bytes[index - 1] == UInt8(ascii: "<"): escape("\\/")
                case let byte where byte < 0x20:
                    let hex = String(byte, radix: 16)
                    escape("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                // U+2028 and U+2029: E2 80 A8 and E2 80 A9.
                case 0xE2
                where index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    escape(bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029", skipping: 3)
                default: index += 1
                }
            }
            out.append(contentsOf: bytes[copied..<index])
        }
        out.append(UInt8(ascii: "\""))
    }
}
