import Foundation

/// The whole check, from a folder on disk to a validated school: the one call
/// the command line makes.
public enum ContentCheck {
    /// Reads `root`, resolves the as-of date, and builds the model.
    public static func run(
        content root: URL, asOf given: Day?, sourceDateEpoch: String?, now: Date = Date()
    ) async -> (CheckedContent, asOf: Day?) {
        let files = await ContentReader.read(root)
        var asOf: Day?
        let checked = ModelBuilder.build(files) { settings in
            let dates = AsOfDate.resolve(given: given, sourceDateEpoch: sourceDateEpoch, now: now, settings: settings)
            asOf = dates.asOf
            return dates
        }
        return (checked, asOf)
    }
}
