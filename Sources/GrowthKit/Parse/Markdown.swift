internal import CCmark

extension MarkdownBody {
    /// Parses CommonMark text.
    init(markdown: some StringProtocol) {
        let text = String(markdown)
        guard text.contains(where: { !$0.isWhitespace }) else {
            self.init()
            return
        }
        let utf8 = Array(text.utf8)
        guard let document = cmark_parse_document(utf8, utf8.count, CMARK_OPT_DEFAULT) else {
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
