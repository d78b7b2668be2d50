internal import CCmark

extension MarkdownBody {
    /// Parses CommonMark text.
    init(markdown: some StringProtocol) {
        guard Self.hasText(markdown) else {
            self.init()
            return
        }
        // cmark reads the bytes where they are when they are contiguous (a
        // record's body is a slice of its file's text): no copy of them.
        let parse = { (bytes: UnsafeBufferPointer<UInt8>) in
            bytes.withMemoryRebound(to: CChar.self) {
                cmark_parse_document($0.baseAddress, $0.count, CMARK_OPT_DEFAULT)
            }
        }
        let parsed =
            markdown.utf8.withContiguousStorageIfAvailable(parse) ?? Array(markdown.utf8).withUnsafeBufferPointer(parse)
        guard let document = parsed else {
            self.init()
            return
        }
        defer { cmark_node_free(document) }

        var html = ""
        if let rendered = cmark_render_html(document, CMARK_OPT_DEFAULT) {
            html = String(cString: rendered)
            free(rendered)
        }
        var headings: [String] = []
        var summary: String?
        var child = cmark_node_first_child(document)
        while let node = child {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HEADING: headings.append(Self.plainText(of: node))
            case CMARK_NODE_PARAGRAPH where summary == nil: summary = Self.plainText(of: node)
            default: break
            }
            child = cmark_node_next(node)
        }
        self.init(html: html, summary: summary ?? headings.first ?? "", headings: headings, isEmpty: false)
    }

    /// Whether anything but white space is there: decided by the first byte
    /// that is not ASCII white space when it is ASCII or starts a letter
    /// (a Chinese body's first character), else by the characters (an
    /// ideographic space U+3000 is white space too).
    static func hasText(_ text: some StringProtocol) -> Bool {
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index != utf8.endIndex {
            switch utf8[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0B, 0x0C:
                index = utf8.index(after: index)
            case 0..<0x80: return true
            default:
                // A letter after white space begins a character of its own,
                // and a character is white space by its first scalar.
                switch text.unicodeScalars[index].properties.generalCategory {
                case .otherLetter, .lowercaseLetter, .uppercaseLetter, .titlecaseLetter, .modifierLetter: return true
                default: return text.contains { !$0.isWhitespace }
                }
            }
        }
        return false
    }

    /// The text inside a node, with soft and hard breaks as spaces.
    /// The version of the cmark library linked in: a store of parsed files
    /// keeps it, since a developer build links the system's, which apt may
    /// upgrade under the same growth.
    static var cmarkVersion: String { String(cString: cmark_version_string()) }

    static func plainText(of node: OpaquePointer) -> String {
        var pieces: [String] = []
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(current) { pieces.append(String(cString: literal)) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                pieces.append(" ")
            default: break
            }
        }
        return pieces.joined()
    }
}

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
