/// A Markdown body in the forms later stages need; `Parse` makes it from
/// the text with cmark (`MarkdownBody(markdown:)`).
public struct MarkdownBody: Sendable, Hashable {
    /// HTML rendered in cmark's default safe mode: raw HTML is omitted and
    /// `javascript:`-style links are emptied.
    public var html: String
    /// The plain text of the first paragraph, for lists and search.
    public var summary: String
    /// The text of every heading, in order.
    public var headings: [String]
    /// Whether the body holds no text at all.
    public var isEmpty: Bool

    public init(html: String = "", summary: String = "", headings: [String] = [], isEmpty: Bool = true) {
        self.html = html
        self.summary = summary
        self.headings = headings
        self.isEmpty = isEmpty
    }

    public static let empty = MarkdownBody()
}
