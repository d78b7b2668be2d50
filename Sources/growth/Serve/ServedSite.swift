import Foundation
import GrowthKit

/// The site `growth serve` answers with: planned in memory on each rebuild,
/// each page rendered the first time it is asked for and kept until the
/// next rebuild, never written to disk.
final class ServedSite: @unchecked Sendable {
    private let lock = NSLock()
    private var plan: SitePlan?
    private var rendered: [String: [UInt8]] = [:]
    private var problems: [Diagnostic] = []
    private var version = 0
    private var label = ""

    /// The site of one build (nil when school.yml could not be read), and the
    /// errors it was built despite.
    func replace(with plan: SitePlan?, problems: [Diagnostic], label: String) {
        lock.withLock {
            self.plan = plan
            rendered = [:]
            self.problems = problems
            self.label = label
            version += 1
        }
    }

    /// The bytes at `path` of the current site, rendered now if need be.
    func bytes(at path: String) -> [UInt8]? {
        let (plan, cached, built) = lock.withLock { (self.plan, rendered[path], version) }
        if let cached { return cached }
        guard let plan, let bytes = plan.render(path) else { return nil }
        lock.withLock {
            // A rebuild may have come in meanwhile: its pages are its own.
            if version == built { rendered[path] = bytes }
        }
        return bytes
    }

    var currentVersion: Int { lock.withLock { version } }

    /// Status, content type and body for a request path.
    func response(for uri: String) -> (status: Int, type: String, body: [UInt8]) {
        let path = uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? "/"
        switch path {
        case "/__growth/reload.js":
            return (200, "text/javascript; charset=utf-8", Array(Self.reloadScript.utf8))
        case "/__growth/version.js":
            return (200, "text/javascript; charset=utf-8", Array("window.__growthReload(\(currentVersion));\n".utf8))
        default:
            break
        }
        let (plan, problems, label) = lock.withLock { (self.plan, self.problems, self.label) }
        let paths = plan?.paths ?? []
        let empty = paths.isEmpty
        var relative = String(path.dropFirst()).removingPercentEncoding ?? ""
        if relative.isEmpty || relative.hasSuffix("/") { relative += "index.html" }
        if !paths.contains(relative), paths.contains(relative + "/index.html") { relative += "/index.html" }
        guard !relative.split(separator: "/").contains(".."), let bytes = bytes(at: relative) ?? (empty ? [] : nil)
        else {
            return (404, "text/html; charset=utf-8", Array(Self.notFound(relative).utf8))
        }
        let type = Self.contentType(relative)
        guard type.hasPrefix("text/html") || empty else { return (200, type, bytes) }
        var html = empty ? Self.emptyPage : String(decoding: bytes, as: UTF8.self)
        if !problems.isEmpty {
            html = Self.insert(Self.panel(problems, label: label), after: "<main id=\"main\">", in: html)
        }
        html = Self.insert("<script src=\"/__growth/reload.js\"></script>\n", before: "</body>", in: html)
        return (200, "text/html; charset=utf-8", Array(html.utf8))
    }

    static func contentType(_ path: String) -> String {
        switch (path as NSString).pathExtension {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json; charset=utf-8"
        case "csv": "text/csv; charset=utf-8"
        case "txt", "md": "text/plain; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        default: "application/octet-stream"
        }
    }

    static func insert(_ text: String, after marker: String, in html: String) -> String {
        guard let range = html.range(of: marker) else { return text + html }
        return html.replacingCharacters(in: range.upperBound..<range.upperBound, with: "\n" + text)
    }

    static func insert(_ text: String, before marker: String, in html: String) -> String {
        guard let range = html.range(of: marker, options: .backwards) else { return html + text }
        return html.replacingCharacters(in: range.lowerBound..<range.lowerBound, with: text)
    }

    /// Every problem with its place, on every page, while the content has errors.
    static func panel(_ problems: [Diagnostic], label: String) -> String {
        let items = DiagnosticReport(problems, fileCount: 0).lines(in: .text, folder: label, verbose: true)
            .map { "<li><code>\(HTML.escape($0))</code></li>" }.joined(separator: "\n")
        let errors = problems.count { $0.severity == .error }
        return """
            <section class="notice problems" role="alert" id="growth-serve-problems">
            <h2>growth serve: \(errors) error\(errors == 1 ? "" : "s") in the content; what they affect is left out until they are fixed</h2>
            <ul>
            \(items)
            </ul>
            </section>
            """
    }

    static func notFound(_ path: String) -> String {
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head>"
            + "<body><main id=\"main\"><p>growth serve: there is no \(HTML.escape(path)) in this site.</p></main></body></html>"
    }

    /// When not even `school.yml` could be read there is no site, only the problems.
    static let emptyPage =
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>growth serve</title>"
        + "<link rel=\"stylesheet\" href=\"/assets/style.css\"></head><body><main id=\"main\"></main></body></html>"

    /// Asks for the site's version every second and reloads when it changes.
    /// It loads the answer as a script from the same origin, which the
    /// site's Content-Security-Policy (`script-src 'self'`) allows; the
    /// built site never carries it.
    static let reloadScript = """
        (function () {
          var seen = null;
          window.__growthReload = function (version) {
            if (seen === null) { seen = version; } else if (version !== seen) { location.reload(); }
          };
          function ask() {
            var script = document.createElement("script");
            script.src = "/__growth/version.js?t=" + Date.now();
            script.onload = script.onerror = function () { script.remove(); };
            document.head.appendChild(script);
          }
          ask();
          setInterval(ask, 1000);
        })();

        """
}
