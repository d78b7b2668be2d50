import Foundation
internal import Mustache

/// The templates and assets a site is rendered with: the defaults embedded
/// in the binary, each replaceable by a file of the same name in a school's
/// own `--templates` folder.
public struct TemplateSet: Sendable {
    /// Relative path → text: `layout.mustache`, `assets/style.css`, …
    public private(set) var files: [String: String]
    /// Assets that are not text, a school's logo (`assets/logo.png`): copied
    /// byte for byte.
    public private(set) var binaryAssets: [String: [UInt8]] = [:]
    let library: MustacheLibrary
    /// The same templates compiled for `TemplateRenderer`; nil when one of
    /// them uses what only swift-mustache renders, and then every page is
    /// rendered by swift-mustache.
    let compiled: [String: CompiledTemplate]?

    /// The embedded defaults.
    public static func defaults() -> TemplateSet {
        // The defaults are tested to parse; a failure here is a bug in growth.
        try! TemplateSet(files: DefaultTemplates.files)
    }

    /// `compiling: false` renders through swift-mustache alone, as the
    /// tests that compare both do.
    init(files: [String: String], compiling: Bool = true) throws(Diagnostic) {
        self.files = files
        var library = MustacheLibrary()
        var compiled: [String: CompiledTemplate]? = compiling ? [:] : nil
        Self.registerEscaping
        for (path, text) in files.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".mustache") {
            do {
                // A line of our own before the template's first: Mustache drops
                // it (a standalone tag), so the template's lines are 2, 3, ….
                let name = String(path.dropLast(".mustache".count))
                try library.register(Self.escaping + text, named: name)
                if compiled != nil {
                    if let template = CompiledTemplate.compile(text) {
                        compiled?[name] = template
                    } else {
                        compiled = nil  // one template only swift-mustache renders: it renders the set
                    }
                }
            } catch let error as MustacheTemplate.ParserError {
                throw Diagnostic.error(
                    .template,
                    at: SourceLocation(
                        path: path, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber),
                    "the template cannot be read: \(Self.explain(error.error))")
            } catch {
                throw Diagnostic.error(
                    .template, at: SourceLocation(path: path), "the template cannot be read: \(error)")
            }
        }
        self.library = library
        self.compiled = compiled
        try Self.checkPartials(files, compiled: self.compiled)
    }

    /// Every template escapes `{{name}}` with `HTML.escape`: the same bytes as
    /// swift-mustache's own escaping, several times faster (it was a tenth of
    /// a large school's build).
    static let escaping = "{{% CONTENT_TYPE: GROWTH_HTML }}\n"

    private static let registerEscaping: Void = MustacheContentTypes.register(
        EscapedHTML(), named: "GROWTH_HTML")

    /// What a Mustache syntax error means, in words.
    static func explain(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        return switch error {
        case .sectionCloseNameIncorrect: "a section is closed with another name than it was opened with ({{#a}}…{{/a}})"
        case .unfinishedName: "a tag is not finished: every {{ needs its }}"
        case .expectedSectionEnd: "a section is opened but never closed: add its {{/name}}"
        case .invalidSetDelimiter: "a {{=<% %>=}} delimiter change is malformed"
        case .transformAppliedToInheritanceSection: "a transform cannot be applied to an inherited section"
        case .illegalTokenInsideInheritSection: "only {{$block}} sections may stand inside {{<partial}}"
        case .textInsideInheritSection: "only {{$block}} sections may stand inside {{<partial}}, not text"
        case .invalidConfigVariableSyntax: "a {{% config }} tag is malformed"
        case .unrecognisedConfigVariable: "a {{% config }} tag names a setting Mustache does not know"
        }
    }

    /// Every `{{> name}}` names a template of the set: Mustache renders an
    /// unknown partial as nothing, which would hide a mistake (or `../secret`).
    /// And no template includes itself, directly or through others: a page's
    /// view is no tree to recurse over, so the loop would never end (it
    /// would crash the build). The partials are the compiled templates' own
    /// (whatever their delimiters); a set swift-mustache renders is scanned
    /// for `{{>` and `{{<`.
    static func checkPartials(_ files: [String: String], compiled: [String: CompiledTemplate]?) throws(Diagnostic) {
        let names = Set(files.keys.filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) })
        var includes: [String: [(name: String, at: SourceLocation)]] = [:]
        for (path, text) in files.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".mustache") {
            let template = String(path.dropLast(".mustache".count))
            let found =
                compiled?[template].map { compiled in
                    compiled.partials.map { ($0.name, SourceLocation(path: path, line: $0.line, column: $0.column)) }
                } ?? scanPartials(text, path: path)
            for (name, place) in found {
                if !names.contains(name) {
                    throw Diagnostic.error(
                        .template, at: place,
                        "`{{> \(name)}}` names no template of the set (\(names.sorted().joined(separator: ", ")))")
                }
                includes[template, default: []].append((name, place))
            }
        }
        try checkLoops(includes, names: names.sorted())
    }

    /// The `{{> name}}` and `{{< name}}` tags of a template's text.
    private static func scanPartials(_ text: String, path: String) -> [(String, SourceLocation)] {
        var found: [(String, SourceLocation)] = []
        var line = 1
        var column = 1
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix("{{>") || text[index...].hasPrefix("{{<") {
                let start = text.index(index, offsetBy: 3)
                guard let end = text[start...].range(of: "}}")?.lowerBound else { break }
                let name = text[start..<end].trimmingCharacters(in: .whitespaces)
                found.append((name, SourceLocation(path: path, line: line, column: column)))
            }
            if text[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index = text.index(after: index)
        }
        return found
    }

    /// The first loop of partials, said at the tag that closes it.
    private static func checkLoops(
        _ includes: [String: [(name: String, at: SourceLocation)]], names: [String]
    ) throws(Diagnostic) {
        var done: Set<String> = []
        var path: [String] = []
        func visit(_ name: String) throws(Diagnostic) {
            if done.contains(name) { return }
            path.append(name)
            for include in includes[name] ?? [] {
                if let start = path.firstIndex(of: include.name) {
                    let loop = (path[start...] + [include.name]).joined(separator: " → ")
                    throw Diagnostic.error(
                        .template, at: include.at,
                        "`{{> \(include.name)}}` makes the templates include themselves (\(loop)): the page would never end"
                    )
                }
                try visit(include.name)
            }
            path.removeLast()
            done.insert(name)
        }
        for name in names { try visit(name) }
    }

    /// The defaults with every file of `folder` in place of the default of the same name.
    public static func overriding(with folder: URL) throws(Diagnostic) -> TemplateSet {
        var files = DefaultTemplates.files
        let root = folder.standardizedFileURL.path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue,
            let walker = FileManager.default.enumerator(atPath: root)
        else {
            throw Diagnostic.error(
                .template, at: SourceLocation(path: root), "there is no templates folder here; nothing was built")
        }
        var binary: [String: [UInt8]] = [:]
        while let path = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder)
            guard !isFolder.boolValue, !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else {
                continue
            }
            guard let data = FileManager.default.contents(atPath: root + "/" + path) else {
                throw Diagnostic.error(.unreadableFile, at: SourceLocation(path: path), "the file cannot be read")
            }
            if let text = String(data: data, encoding: .utf8), !path.hasPrefix("assets/") || !data.contains(0) {
                files[path] = text
            } else if path.hasPrefix("assets/") {
                // An image or a font: copied as it is.
                binary[path] = [UInt8](data)
                files[path] = nil
            } else {
                throw Diagnostic.error(.encoding, at: SourceLocation(path: path), "the template is not UTF-8 text")
            }
        }
        var set = try TemplateSet(files: files)
        set.binaryAssets = binary
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
        let html = String(
            decoding: render(Page(path: "index.html", template: "layout", frame: frame, view: [String: String]())),
            as: UTF8.self)
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
        if let wider = ContentSecurityPolicy.widening(html) {
            throw Diagnostic.error(
                .template, at: SourceLocation(path: "layout.mustache"),
                "the layout's Content-Security-Policy allows more than the default: \(wider); a school's layout may allow less, never more"
            )
        }
    }

    /// Renders a page's view into its template, then into the layout.
    func render(_ page: Page, scripts: [String] = []) -> [UInt8] {
        let body = render(page.template, TemplateValue.box(page.view)) ?? []
        // What `TemplateValue.box` would make of the layout's view.
        let layout = ViewValue.object([
            "frame": TemplateValue.box(page.frame), "body": .utf8(body),
            "scripts": .list(scripts.map(ViewValue.text)),
        ])
        return render("layout", layout) ?? body
    }

    /// One template rendered with `value`: by `TemplateRenderer` when the set
    /// is compiled, else by swift-mustache; nil when there is no such template.
    func render(_ template: String, _ value: ViewValue) -> [UInt8]? {
        if let compiled {
            var renderer = TemplateRenderer(templates: compiled)
            return renderer.render(template, value)
        }
        return library.render(value.mustacheValue, withTemplate: template).map { Array($0.utf8) }
    }

    /// What the templates and assets are, in 128 bits: part of the build
    /// cache's key, so a cache made with other templates is never used.
    public var digest: String {
        var hasher = StableHasher()
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            hasher.add(path)
            hasher.add(text)
        }
        for (path, bytes) in binaryAssets.sorted(by: { $0.key < $1.key }) {
            hasher.add(path)
            hasher.add(count: bytes.count)
            bytes.withUnsafeBytes { hasher.add(bytes: $0) }
        }
        return PageDigest(value: hasher.state).description
    }

    /// Assets copied as they are, text and binary.
    var assets: [String: [UInt8]] {
        var all = binaryAssets
        for (path, text) in files where path.hasPrefix("assets/") { all[path] = Array(text.utf8) }
        return all
    }
}

/// `{{name}}` in HTML, escaped by `HTML.escape`.
struct EscapedHTML: MustacheContentType {
    func escapeText(_ text: String) -> String { HTML.escape(text) }
}
