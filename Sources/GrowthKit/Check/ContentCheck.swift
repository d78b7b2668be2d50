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
        var historyNote: String?
        var checked = ModelBuilder.build(consume files) { settings in
            let resolved = AsOfDate.resolve(
                given: given, sourceDateEpoch: sourceDateEpoch, now: now, settings: settings)
            dates = resolved
            return resolved
        } written: { settings in
            // Each record's written day is set as the record is built, on
            // every core, not changed after: that copied each record the
            // parse cache shared, on one core.
            guard let pendingHistory else { return nil }
            switch GitHistory.outcome(of: pendingHistory.log, timezone: settings.timezone) {
            case .known(let written): return written
            case .unavailable(let note):
                historyNote = note
                return nil
            }
        }
        if let sources { checked.sources = sources }
        checked.historyNote = historyNote
        // git's table of 57,000 paths is freed beside what comes next.
        if let pendingHistory { DispatchQueue.global().async { withExtendedLifetime(pendingHistory) {} } }
        return (checked, dates?.asOf)
    }
}
