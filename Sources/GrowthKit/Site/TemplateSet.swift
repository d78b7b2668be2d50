import Foundation
import Mustache

/// The templates and assets a site is rendered with: the defaults embedded
/// in the binary, each replaceable by a file of the same name in a school's
/// own `--templates` folder.
public struct TemplateSet: Sendable {
    /// Relative path → text: `layout.mustache`, `assets/style.css`, …
    public private(set) var files: [String: String]
    let library: MustacheLibrary

    /// The embedded defaults.
    public static func defaults() -> TemplateSet {
        // The defaults are tested to parse; a failure here is a bug in growth.
        try! TemplateSet(files: DefaultTemplates.files)
    }

    init(files: [String: String]) throws(Diagnostic) {
        self.files = files
        var library = MustacheLibrary()
        for (path, text) in files.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".mustache") {
            do {
                try library.register(text, named: String(path.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                throw Diagnostic.error(
                    .template,
                    at: SourceLocation(path: path, line: error.context.lineNumber, column: error.context.columnNumber),
                    "the template cannot be read: \(error.error)")
            } catch {
                throw Diagnostic.error(
                    .template, at: SourceLocation(path: path), "the template cannot be read: \(error)")
            }
        }
        self.library = library
    }

    /// The defaults with every file of `folder` in place of the default of the same name.
    public static func overriding(with folder: URL) throws(Diagnostic) -> TemplateSet {
        var files = DefaultTemplates.files
        let root = folder.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: root) else {
            throw Diagnostic.error(.template, at: SourceLocation(path: root), "there is no templates folder here")
        }
        while let path = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder)
            guard !isFolder.boolValue, !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else {
                continue
            }
            guard let data = FileManager.default.contents(atPath: root + "/" + path),
                let text = String(data: data, encoding: .utf8)
            else {
                throw Diagnostic.error(.encoding, at: SourceLocation(path: path), "the template is not UTF-8 text")
            }
            files[path] = text
        }
        let set = try TemplateSet(files: files)
        try set.checkSafeguards()
        return set
    }

    /// A school's layout may change the look, not what keeps the site closed
    /// and its readers warned: the robots and CSP meta, the audience banner,
    /// the minors notice and the problems link must stay.
    func checkSafeguards() throws(Diagnostic) {
        let frame = PageFrame(
            lang: "zh-CN", title: "t", schoolName: "s", root: "", nav: [], navLabel: "n", terms: [],
            termsLabel: "terms",
            skipLabel: "k",
            minorsNotice: "MINORS-NOTICE-PROBE", audience: "AUDIENCE-PROBE", asOf: "a", term: "t", generatedBy: "g",
            problems: LinkView(href: "problems/index.html", text: "PROBLEMS-PROBE"))
        let html = render(Page(path: "index.html", template: "layout", frame: frame, view: [String: String]()))
        let required = [
            ("<meta name=\"robots\" content=\"noindex", "the robots meta (`noindex`)"),
            ("http-equiv=\"Content-Security-Policy\"", "the Content-Security-Policy meta"),
            ("MINORS-NOTICE-PROBE", "`{{frame.minorsNotice}}`"),
            ("AUDIENCE-PROBE", "`{{frame.audience}}`"),
            ("PROBLEMS-PROBE", "the `{{#frame.problems}}` link"),
        ]
        let missing = required.filter { !html.contains($0.0) }.map(\.1)
        guard missing.isEmpty else {
            throw Diagnostic.error(
                .template, at: SourceLocation(path: "layout.mustache"),
                "the layout must keep \(missing.joined(separator: ", ")), as the default layout does")
        }
    }

    /// Renders a page's view into its template, then into the layout.
    func render(_ page: Page, scripts: [String] = []) -> String {
        let body = library.render(TemplateValue.box(page.view) ?? [:], withTemplate: page.template) ?? ""
        let layout = LayoutContext(frame: page.frame, body: body, scripts: scripts)
        return library.render(TemplateValue.box(layout) ?? [:], withTemplate: "layout") ?? body
    }

    /// Assets copied as they are.
    var assets: [String: String] { files.filter { $0.key.hasPrefix("assets/") } }
}

/// What the layout template sees.
struct LayoutContext {
    var frame: PageFrame
    var body: String
    var scripts: [String]
}
