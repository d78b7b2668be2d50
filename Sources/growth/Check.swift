import ArgumentParser

/// `growth check`: reports every problem in the content.
struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the content and report every problem with its file, line and column.",
        discussion: "Exits 0 when there are no errors (warnings allowed), 1 when there are.")

    @OptionGroup var options: ContentOptions

    func run() async throws {
        let (checked, _) = await options.check()
        if checked.hasErrors { throw ExitCode(1) }
    }
}
