/// The whole output of a build, in memory: relative path → bytes.
public struct BuiltSite: Sendable {
    public var files: [String: [UInt8]]
}

/// Builds every output file from the validated school: aggregates first,
/// then each view. Pure, so the same content and as-of date give the same bytes.
public enum SiteBuilder {
    public static func build(school: School, asOf: Day, diagnostics: [Diagnostic] = []) -> BuiltSite {
        let aggregates = SchoolAggregates(school: school, asOf: asOf)
        var files = DataExport.files(school: school, aggregates: aggregates)
        files["robots.txt"] = Array("User-agent: *\nDisallow: /\n".utf8)
        return BuiltSite(files: files)
    }
}
