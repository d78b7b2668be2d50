import Foundation

/// Where a build puts each file as it is made: the staging folder of the
/// output (`OutputStaging`), or memory (`growth serve`, the tests). Called
/// from several render workers at once.
public protocol SiteSink: Sendable {
    func put(_ path: String, _ bytes: [UInt8])
    /// Whether the sink keeps what each page is made from (a build with a
    /// cache): pages are then digested, and may be reused instead of rendered.
    var keepsDigests: Bool { get }
    /// Told every path the build will put, before the first.
    func expect(_ paths: Set<String>)
    /// A page rendered because no earlier build's bytes could serve, with
    /// the digest of its view and of its inputs when they are known.
    func put(_ path: String, _ bytes: [UInt8], digest: PageDigest, inputs: PageDigest?)
    /// Puts the earlier build's bytes of `path` again when they were made from
    /// `digest`; false when they were not, or cannot be had.
    func reuse(_ path: String, digest: PageDigest, inputs: PageDigest?) -> Bool
    /// Puts the earlier build's bytes of `path` again when they were made
    /// from the same `inputs` (`PageInputs`), without the page being made:
    /// the digest of the view they were made from, or nil.
    func reuse(_ path: String, inputs: PageDigest) -> PageDigest?
}

extension SiteSink {
    public var keepsDigests: Bool { false }
    public func expect(_ paths: Set<String>) {}
    public func put(_ path: String, _ bytes: [UInt8], digest: PageDigest, inputs: PageDigest?) { put(path, bytes) }
    public func reuse(_ path: String, digest: PageDigest, inputs: PageDigest?) -> Bool { false }
    public func reuse(_ path: String, inputs: PageDigest) -> PageDigest? { nil }
}

/// The whole output of a build, in memory: relative path → bytes.
public struct BuiltSite: Sendable {
    public var files: [String: [UInt8]]
}

/// Files kept in memory, for `growth serve` and the tests.
final class MemorySink: SiteSink, @unchecked Sendable {
    private var files: [String: [UInt8]] = [:]
    private let lock = NSLock()

    func put(_ path: String, _ bytes: [UInt8]) { lock.withLock { files[path] = bytes } }

    var site: BuiltSite { lock.withLock { BuiltSite(files: files) } }
}

/// Builds every output file from the validated school: aggregates first,
/// then each view, rendered through the templates. Pure, so the same content
/// and as-of date give the same bytes.
public enum SiteBuilder {
    /// The whole site in memory.
    public static func build(
        school: School, asOf: Day, audience: Audience = .leadership, templates: TemplateSet = .defaults(),
        problems: [Diagnostic] = []
    ) -> BuiltSite {
        let memory = MemorySink()
        build(school: school, asOf: asOf, audience: audience, templates: templates, problems: problems, into: memory)
        return memory.site
    }

    /// Every file handed to `sink` as soon as it is rendered; returns how many.
    ///
    /// - Parameter sources: the content files' digests, with which a sink
    ///   that keeps digests is handed each growth file whose inputs did not
    ///   change without its view being made.
    @discardableResult
    public static func build(
        school: School, asOf: Day, audience: Audience = .leadership, templates: TemplateSet = .defaults(),
        problems: [Diagnostic] = [], sources: SourceDigests = .none, into sink: some SiteSink
    ) -> Int {
        let plan = plan(
            school: school, asOf: asOf, audience: audience, templates: templates, problems: problems,
            sources: sink.keepsDigests ? sources : .none)
        sink.expect(plan.paths)
        for (path, bytes) in plan.files { sink.put(path, bytes) }
        // The exports and the search index read every record: made beside
        // the pages rather than before them, and handed out first.
        let makers = plan.makers.sorted { $0.key < $1.key }
        let pages = plan.pages
        let digested = sink.keepsDigests
        DispatchQueue.concurrentPerform(iterations: makers.count + pages.count) { index in
            guard index >= makers.count else { return sink.put(makers[index].key, makers[index].value()) }
            let planned = pages[index - makers.count]
            let inputs = plan.inputs[planned.path]?()
            if let inputs, let digest = sink.reuse(planned.path, inputs: inputs) {
                // The tests' builds check that the inputs named all a growth file is made from.
                assert(PageDigest(planned.make()) == digest, "\(planned.path) changed while its inputs did not")
                return
            }
            let page = planned.make()
            guard digested else { return sink.put(page.path, templates.render(page)) }
            let digest = PageDigest(page)
            if sink.reuse(page.path, digest: digest, inputs: inputs) { return }
            sink.put(page.path, templates.render(page), digest: digest, inputs: inputs)
        }
        let count = plan.files.count + plan.makers.count + pages.count
        // The plan holds a view of the whole school: freed beside the swap
        // that comes next, not before it on this core.
        DispatchQueue.global().async { withExtendedLifetime((plan, makers, pages)) {} }
        return count
    }

    /// The site with every page still to be made: the aggregates done, each
    /// page a closure that makes its view and renders it, each export and the
    /// search index a closure too. `growth serve` makes a file when it is
    /// asked for.
    public static func plan(
        school: School, asOf: Day, audience: Audience = .leadership, templates: TemplateSet = .defaults(),
        problems: [Diagnostic] = [], sources: SourceDigests = .none
    ) -> SitePlan {
        // Aggregates see everything; the audience filter then removes what the
        // readers may not see, before any view or export is made.
        let (school, aggregates) = AudienceFilter.apply(
            audience, to: school, SchoolAggregates(school: school, asOf: asOf))
        let hasProblems = !problems.isEmpty
        let known = PageInputs(
            school: school, sources: sources, asOf: asOf, audience: audience, hasProblems: hasProblems)
        let rowsInputs = known.map { known in { @Sendable records, root in known.words(ofRows: records, root: root) } }
        let root = TermPages(
            school: school, aggregates: aggregates, term: aggregates.current, audience: audience,
            hasProblems: hasProblems, rowsInputs: rowsInputs)
        let context = root.context
        // The as-of term's pages at the root: every class and tutor has one.
        var pages = root.planned(classes: school.classes.map(\.id), tutors: school.tutors.map(\.id))
        let growthFiles = StudentPages(
            context: context, terms: aggregates.terms, trajectories: aggregates.trajectories,
            settings: school.settings)
        pages += school.students.map { student in
            PlannedPage(path: PagePath.student(student.id)) { growthFiles.page(student) }
        }
        // Each growth file's inputs, named when its turn comes (on the render workers).
        var inputs: [String: @Sendable () -> PageDigest?] = [:]
        if let known {
            for student in school.students { inputs[PagePath.student(student.id)] = { known.key(of: student) } }
        }
        if hasProblems { pages.append(PlannedPage(path: PagePath.problems) { context.problemsPage(problems) }) }
        // Each ended term's own pages under terms/<id>/, for who took part in it.
        for term in aggregates.endedTerms where term.term.id != aggregates.current.term.id {
            let ended = TermPages(
                school: school, aggregates: aggregates, term: term, audience: audience, hasProblems: hasProblems,
                rowsInputs: rowsInputs)
            pages += ended.planned(classes: term.classes, tutors: term.tutors)
        }

        var makers = DataExport.makers(school: school, aggregates: aggregates)
        makers["search/index.html"] = {
            templates.render(context.searchPage(), scripts: ["index.js", "../assets/search.js"])
        }
        makers["search/index.js"] = { context.searchIndex(school) }
        var files = templates.assets
        files["robots.txt"] = Array("User-agent: *\nDisallow: /\n".utf8)
        return SitePlan(files: files, makers: makers, pages: pages, templates: templates, inputs: inputs)
    }
}

/// A site whose pages are made on demand (see `SiteBuilder.plan`).
public struct SitePlan: Sendable {
    /// The assets and `robots.txt`: there already.
    public let files: [String: [UInt8]]
    /// The exports and the search page and index, each made when called.
    let makers: [String: @Sendable () -> [UInt8]]
    let pages: [PlannedPage]
    let templates: TemplateSet
    /// By path: the inputs of the pages known by them (`PageInputs`).
    let inputs: [String: @Sendable () -> PageDigest?]
    private let index: [String: Int]

    init(
        files: [String: [UInt8]], makers: [String: @Sendable () -> [UInt8]], pages: [PlannedPage],
        templates: TemplateSet, inputs: [String: @Sendable () -> PageDigest?] = [:]
    ) {
        self.files = files
        self.makers = makers
        self.pages = pages
        self.templates = templates
        self.inputs = inputs
        index = Dictionary(pages.enumerated().map { ($0.element.path, $0.offset) }) { first, _ in first }
        paths = Set(files.keys).union(makers.keys).union(index.keys)
    }

    /// Every path of the site.
    public let paths: Set<String>

    /// The bytes at `path`, a page rendered now; nil for a path the site does not have.
    public func render(_ path: String) -> [UInt8]? {
        if let bytes = files[path] { return bytes }
        if let make = makers[path] { return make() }
        guard let position = index[path] else { return nil }
        return templates.render(pages[position].make())
    }
}
