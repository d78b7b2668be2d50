internal import CCmark

/// A Markdown text in the forms the pages show: cmark's HTML, the plain text
/// of its first paragraph, its headings.
public struct RenderedMarkdown: Sendable, Hashable {
    /// HTML rendered in cmark's default safe mode: raw HTML is omitted and
    /// `javascript:`-style links are emptied.
    public var html: String
    /// The plain text of the first paragraph (else of the first heading), for lists and search.
    public var summary: String
    /// The text of every heading, in order.
    public var headings: [String]

    public init(html: String = "", summary: String = "", headings: [String] = []) {
        self.html = html
        self.summary = summary
        self.headings = headings
    }
}

/// CommonMark with cmark (Debian's libcmark).
enum CommonMark {
    /// Renders `markdown` with cmark, reading its bytes where they are.
    static func render(_ markdown: String) -> RenderedMarkdown {
        var markdown = markdown
        let parsed = markdown.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) {
                cmark_parse_document($0.baseAddress, $0.count, CMARK_OPT_DEFAULT)
            }
        }
        guard let document = parsed else { return RenderedMarkdown() }
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
            case CMARK_NODE_HEADING: headings.append(plainText(of: node))
            case CMARK_NODE_PARAGRAPH where summary == nil: summary = plainText(of: node)
            default: break
            }
            child = cmark_node_next(node)
        }
        return RenderedMarkdown(html: html, summary: summary ?? headings.first ?? "", headings: headings)
    }

    /// The version of the cmark library linked in: a developer build links
    /// the system's, which apt may upgrade under the same growth, so a cache
    /// of pages keeps it in its key.
    static var version: String { String(cString: cmark_version_string()) }

    /// The text inside a node, with soft and hard breaks as spaces.
    private static func plainText(of node: OpaquePointer) -> String {
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
