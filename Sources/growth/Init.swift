import ArgumentParser
import Foundation
import GrowthKit

/// `growth init`: starts a school's repository.
struct Init: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start a school's repository: school.yml from a preset, examples, a guide, a hook and CI files.",
        discussion: """
            Presets: whole-staff (a talk every week, a report every two weeks, a phone call home every \
            month, a home visit every term, the forum every month, every student) and key-students \
            (a talk every month, a report every week, key students only, at most two per tutor). \
            A folder that is not empty is refused without --force; no file is ever overwritten.
            """)

    @Argument(help: "The folder to start the repository in.")
    var folder: String = "."

    @Option(help: "whole-staff or key-students.")
    var preset: Preset

    @Option(help: "The school's name.")
    var name: String?

    @Option(help: "zh-CN or en: the language of the site, the examples and the guide.")
    var locale: SiteLocale = .zhCN

    @Flag(help: "Add the files to a folder that is not empty (still never overwriting one).")
    var force = false

    func run() throws {
        let manager = FileManager.default
        let root = URL(fileURLWithPath: folder)
        let entries = (try? manager.contentsOfDirectory(atPath: root.path))?.filter { $0 != ".git" } ?? []
        if !entries.isEmpty, !force {
            print(
                "growth init: \(folder) is not empty (\(entries.sorted().prefix(3).joined(separator: ", "))…); use --force to add the files anyway"
            )
            throw ExitCode(1)
        }
        let today = Day(Date(), in: "Asia/Shanghai")
        let files = SchoolStarter.files(.init(preset: preset, name: name, locale: locale, today: today))
        var written = 0
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            let url = root.appendingPathComponent(path)
            if manager.fileExists(atPath: url.path) {
                print("growth init: kept \(path): it exists")
                continue
            }
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            written += 1
        }
        try? manager.setAttributes(
            [.posixPermissions: 0o755], ofItemAtPath: root.appendingPathComponent("hooks/pre-commit").path)
        print(
            """
            growth init: wrote \(written) files in \(folder) (preset \(preset.rawValue)). Next:
              cd \(folder) && git init && git config core.hooksPath hooks
              growth check          # the examples check clean
              growth serve          # preview on http://127.0.0.1:8000/
            """)
    }
}

extension Preset: ExpressibleByArgument {}
extension SiteLocale: ExpressibleByArgument {}
