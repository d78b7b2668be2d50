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
        // git runs in processes of its own: asked now, it answers while the files are read.
        let pendingHistory = history ? GitHistory.Pending(root) : nil
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
        if let pendingHistory, var school = checked.school, let today = dates?.today {
            switch GitHistory.outcome(of: pendingHistory.log, timezone: school.settings.timezone) {
            case .known(let written):
                // Held here alone, so its records are changed in place: while
                // `checked` shared them, the first change copied all 55,000.
                checked.school = nil
                for index in school.records.indices {
                    let day = written[school.records[index].source.path] ?? today
                    if school.records[index].written != day { school.records[index].written = day }
                }
                checked.school = school
            case .unavailable(let note):
                checked.historyNote = note
            }
        }
        return (checked, dates?.asOf)
    }
}
