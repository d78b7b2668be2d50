/// A Markdown body as its file holds it; `Parse` makes it from the file's
/// text (`MarkdownBody(markdown:)`) and a page renders it with cmark when it
/// shows it (`rendered`).
///
/// Rendering waits for the page: `growth check` never needs the HTML, and a
/// cached build reuses the growth files whose records did not change
/// without rendering their bodies at all.
public struct MarkdownBody: Sendable, Hashable {
    /// The Markdown text after the front matter, as written.
    public var markdown: String
    /// Whether the body holds no text at all.
    public var isEmpty: Bool

    public init(markdown: String, isEmpty: Bool) {
        self.markdown = markdown
        self.isEmpty = isEmpty
    }

    public static let empty = MarkdownBody(markdown: "", isEmpty: true)

    /// cmark's safe HTML, the first paragraph's text and the headings; all
    /// empty for an empty body.
    public var rendered: RenderedMarkdown { isEmpty ? RenderedMarkdown() : CommonMark.render(markdown) }

    /// The HTML alone, rendered anew on each call: a view that also needs
    /// the summary reads `rendered` once instead.
    public var html: String { rendered.html }
}
