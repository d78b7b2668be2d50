import Foundation

/// The whole check, from a folder on disk to a validated school: the one call
/// the command line makes.
public enum ContentCheck {
    /// Reads `root`, resolves the as-of date, and builds the model. With
    /// `history`, each record's written day is its first commit in git (a
    /// file not committed yet counts as written today).
    public static func run(
        content root: URL, asOf given: Day?, sourceDateEpoch: String?, now: Date = Date(), history: Bool = false,
        cache: ParseCache? = nil
    ) async -> (CheckedContent, asOf: Day?) {
        let files = await ContentReader.read(root, cache: cache)
        let sources = cache?.digests
        var dates: CheckDates?
        var checked = ModelBuilder.build(consume files) { settings in
            let resolved = AsOfDate.resolve(
                given: given, sourceDateEpoch: sourceDateEpoch, now: now, settings: settings)
            dates = resolved
            return resolved
        }
        if let sources { checked.sources = sources }
        if history, var school = checked.school, let today = dates?.today {
            switch GitHistory.read(root, timezone: school.settings.timezone) {
            case .known(let written):
                for index in school.records.indices {
                    school.records[index].written = written[school.records[index].source.path] ?? today
                }
                checked.school = school
            case .unavailable(let note):
                checked.historyNote = note
            }
        }
        return (checked, dates?.asOf)
    }
}
