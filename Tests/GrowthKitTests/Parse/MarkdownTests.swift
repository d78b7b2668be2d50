import Testing

@testable import GrowthKit

/// A record's body: empty when it holds only white space of any kind, else
/// kept as written from a slice of the file's text, and rendered to cmark's
/// safe HTML when asked.
@Suite struct MarkdownTests {
    @Test func onlyWhiteSpaceIsAnEmptyBody() {
        for blank in ["", "\n", " \t\r\n", "\u{3000}", "\n\u{3000}\n", "\u{00A0}\u{2003}", "\n \u{301}"] {
            let body = MarkdownBody(markdown: blank)
            #expect(body.isEmpty, "\(blank.unicodeScalars.map { String($0.value, radix: 16) })")
            #expect(body.html == "")
        }
    }

    @Test func textAfterWhiteSpaceIsRead() {
        let file = "---\ntype: talk\n---\n\n\u{3000}谈了**学习计划**。\n\n## 下一步\n每周一次。\n"
        let body = MarkdownBody(markdown: file.split(separator: "---\n", maxSplits: 2)[1])
        #expect(!body.isEmpty)
        #expect(body.html == "<p>\u{3000}谈了<strong>学习计划</strong>。</p>\n<h2>下一步</h2>\n<p>每周一次。</p>\n")
        #expect(body.rendered.summary == "\u{3000}谈了学习计划。")
        #expect(body.rendered.headings == ["下一步"])
        for start in ["\n\n谈心。", " a", "\n1.", "\u{3000}é", "\né"] {
            #expect(!MarkdownBody(markdown: start).isEmpty, "\(start)")
        }
    }
}
