/// The outcome of checking a content folder: the validated school (nil when
/// `school.yml` could not be read) and every problem, sorted.
public struct CheckedContent: Sendable {
    public var school: School?
    public var diagnostics: [Diagnostic]
    /// How many files were read.
    public var fileCount: Int
    /// Why no record could be judged late, when the git history was asked
    /// for and could not answer (no git, a shallow clone): one warning line.
    public var historyNote: String?
    /// The SHA-256 of each file read, when the run kept a parse cache.
    public var sources = SourceDigests.none

    public var hasErrors: Bool { diagnostics.hasErrors }
}
