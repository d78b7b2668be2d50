import ArgumentParser
import Foundation
import GrowthKit

/// `growth build`: checks the content, computes everything and writes the output folder.
struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site from the content.",
        discussion: """
            Stops with the old output untouched when the content has errors, unless \
            --allow-errors is given: then what could not be read is left out and listed.
            """)

    @OptionGroup var options: ContentOptions

    @Option(help: "The output folder; replaced whole, and only if growth made it.")
    var output: String = "site"

    @Flag(help: "Build even when the content has errors, leaving out what they affect; problems/ lists them.")
    var allowErrors = false

    @Option(help: "Who the site is for: leadership (everything) or staff (no confidential content).")
    var audience: Audience = .leadership

    @Option(help: "A folder of templates and assets replacing the defaults of the same name.")
    var templates: String?

    func run() async throws {
        let (checked, asOf) = await options.check()
        guard let school = checked.school, let asOf else {
            print("growth build: stopped, school.yml could not be read; \(output) is untouched")
            throw ExitCode(1)
        }
        if checked.hasErrors, !allowErrors {
            print(
                "growth build: stopped because of the errors above; \(output) is untouched (--allow-errors builds anyway)"
            )
            throw ExitCode(1)
        }
        let templateSet: TemplateSet
        if let templates {
            do {
                templateSet = try TemplateSet.overriding(with: URL(fileURLWithPath: templates))
            } catch {
                print(DiagnosticReport([error], fileCount: 1).lines(in: options.format, folder: templates).joined())
                print("growth build: stopped; \(output) is untouched")
                throw ExitCode(1)
            }
        } else {
            templateSet = .defaults()
        }
        // With --allow-errors the site lists every problem, warnings too: each says what it left out.
        let problems = allowErrors ? checked.diagnostics : []
        let site = SiteBuilder.build(
            school: school, asOf: asOf, audience: audience, templates: templateSet, problems: problems)
        do {
            try OutputFolder.write(site.files, to: URL(fileURLWithPath: output))
        } catch {
            print(error.description)
            throw ExitCode(1)
        }
        print("growth build: wrote \(site.files.count) files to \(output) as of \(asOf) for \(audience.rawValue)")
    }
}
