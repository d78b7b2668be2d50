import ArgumentParser
import Foundation
import GrowthKit

#if canImport(CJemalloc)
    // Linked for its malloc, which replaces glibc's for the whole process.
    import CJemalloc
#endif

/// `growth`: turns a school's tutor-system records into a static site.
@main
struct Growth: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turns a school's tutor-system records into a static HTML site.",
        version: GrowthVersion.current,
        subcommands: [Check.self, Build.self, New.self, Serve.self, Init.self],
        defaultSubcommand: Check.self)
}

extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }
}

extension DiagnosticFormat: ExpressibleByArgument {}

extension Audience: ExpressibleByArgument {}
