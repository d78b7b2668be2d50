/// Escaping for HTML and SVG text and attributes.
public enum HTML {
    /// `& < > " '` as `&amp; &lt; &gt; &quot; &#39;`, byte by byte: the same
    /// entities swift-mustache writes, but never skipped when a combining
    /// mark follows the character (`<` + U+0338 is one Character), and a
    /// text with nothing to escape is returned as it is.
    public static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.contains(where: needsEscape) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            append(bytes, escapedTo: &out)
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    /// `bytes` escaped as `escape` does, appended to `out`; the runs between
    /// the characters to escape are copied whole. What the templates'
    /// `{{name}}` writes.
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, escapedTo out: inout [UInt8]) {
        var run = 0
        for index in bytes.indices {
            let entity: StaticString
            switch bytes[index] {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = "&#39;"
            default: continue
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
            entity.withUTF8Buffer { out.append(contentsOf: $0) }
            run = index + 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
    }

    static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
