import Foundation

/// The whole output of a build, in memory: relative path → bytes.
public struct BuiltSite: Sendable {
    public var files: [String: [UInt8]]
}

/// Builds every output file from the validated school: aggregates first,
/// then each view, rendered through the templates. Pure, so the same content
/// and as-of date give the same bytes.
public enum SiteBuilder {
    public static func build(
        school: School, asOf: Day, audience: Audience = .leadership, templates: TemplateSet = .defaults(),
        problems: [Diagnostic] = []
    ) -> BuiltSite {
        // Aggregates see everything; the audience filter then removes what the
        // readers may not see, before any view or export is made.
        let (school, aggregates) = AudienceFilter.apply(
            audience, to: school, SchoolAggregates(school: school, asOf: asOf))
        var context = ViewContext(school: school, aggregates: aggregates, term: aggregates.current, audience: audience)
        context.hasProblems = !problems.isEmpty
        // The as-of term's pages at the root: every class and tutor has one.
        var pages = context.termPages(classes: school.classes.map(\.id), tutors: school.tutors.map(\.id))
        pages += school.students.map(context.studentPage)
        if !problems.isEmpty { pages.append(context.problemsPage(problems)) }
        // Each ended term's own pages under terms/<id>/, for who took part in it.
        for term in aggregates.endedTerms where term.term.id != aggregates.current.term.id {
            var ended = ViewContext(school: school, aggregates: aggregates, term: term, audience: audience)
            ended.hasProblems = context.hasProblems
            pages += ended.termPages(classes: term.classes, tutors: term.tutors)
        }

        var files = DataExport.files(school: school, aggregates: aggregates)
        for (path, bytes) in render(pages, with: templates) { files[path] = bytes }
        let search = context.searchPage()
        files[search.path] = Array(templates.render(search, scripts: ["index.js", "../assets/search.js"]).utf8)
        files["search/index.js"] = Array(context.searchIndex().utf8)
        for (path, text) in templates.assets { files[path] = Array(text.utf8) }
        files["robots.txt"] = Array("User-agent: *\nDisallow: /\n".utf8)
        return BuiltSite(files: files)
    }

    /// Renders pages on every core: a page depends on nothing but its view.
    static func render(_ pages: [Page], with templates: TemplateSet) -> [(String, [UInt8])] {
        let rendered = RenderedPages(count: pages.count)
        DispatchQueue.concurrentPerform(iterations: pages.count) { index in
            rendered.set(index, Array(templates.render(pages[index]).utf8))
        }
        return Array(zip(pages.map(\.path), rendered.all))
    }
}

/// Pages rendered in parallel, each written once at its own index.
private final class RenderedPages: @unchecked Sendable {
    private var pages: [[UInt8]]
    private let lock = NSLock()

    init(count: Int) { pages = Array(repeating: [], count: count) }

    func set(_ index: Int, _ bytes: [UInt8]) {
        lock.lock()
        pages[index] = bytes
        lock.unlock()
    }

    var all: [[UInt8]] { lock.withLock { pages } }
}
