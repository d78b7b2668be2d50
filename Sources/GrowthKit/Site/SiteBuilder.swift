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
        let context = ViewContext(school: school, aggregates: aggregates, audience: audience)
        var pages = [context.dashboard(), context.evaluationPage(), context.forumsPage()]
        pages += school.classes.map(context.classPage)
        pages += school.students.map(context.studentPage)
        pages += school.tutors.map(context.tutorPage)
        if !problems.isEmpty { pages.append(context.problemsPage(problems)) }

        var files = DataExport.files(school: school, aggregates: aggregates)
        for page in pages { files[page.path] = Array(templates.render(page).utf8) }
        let search = context.searchPage()
        files[search.path] = Array(templates.render(search, scripts: ["index.js", "../assets/search.js"]).utf8)
        files["search/index.js"] = Array(context.searchIndex().utf8)
        for (path, text) in templates.assets { files[path] = Array(text.utf8) }
        files["robots.txt"] = Array("User-agent: *\nDisallow: /\n".utf8)
        return BuiltSite(files: files)
    }
}
