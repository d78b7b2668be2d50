import Foundation
import Testing
import Yams

@testable import GrowthKit

/// `growth init`: from an empty folder to a repository that checks, builds,
/// and has CI that runs the README's commands.
@Suite struct InitCommandTests {
    @Test(arguments: ["whole-staff", "key-students"]) func aNewSchoolChecksCleanAndBuilds(preset: String) throws {
        let parent = try TestContent.temporaryFolder()
        defer { TestContent.remove(parent) }
        let school = parent.appendingPathComponent("school")
        let run = try CheckCommandTests.growth(["init", school.path, "--preset", preset, "--name", "江城二职"])
        #expect(run.status == 0, "\(run.output)")
        let check = try CheckCommandTests.growth(["check", "--content", school.path + "/content"])
        #expect(check.output == "0 errors, 0 warnings in 15 files\n")
        let build = try CheckCommandTests.growth([
            "build", "--content", school.path + "/content", "--output", school.path + "/site",
        ])
        #expect(build.status == 0, "\(build.output)")
        let yml = try String(contentsOf: school.appendingPathComponent("content/school.yml"), encoding: .utf8)
        #expect(yml.contains("name: 江城二职"))
        if preset == "whole-staff" {
            for line in [
                "talk:         { every: 1 week }", "report:       { every: 2 weeks }",
                "phone-visit:  { every: 1 month }", "home-visit:   { every: 1 term }",
                "forum:        { every: 1 month }",
                "applies_to: all",
            ] {
                #expect(yml.contains(line), "\(line)")
            }
        } else {
            for line in [
                "applies_to: key", "talk:         { every: 1 month }", "report:       { every: 1 week }",
                "max_students_per_tutor: 2",
            ] {
                #expect(yml.contains(line), "\(line)")
            }
        }
        for path in [
            ".gitattributes", ".gitignore", "hooks/pre-commit", "导师指南.md", "README.md",
            "content/templates/talk.md", "content/templates/review.md",
        ] {
            #expect(FileManager.default.fileExists(atPath: school.appendingPathComponent(path).path), "\(path)")
        }
        #expect(
            try String(contentsOf: school.appendingPathComponent(".gitattributes"), encoding: .utf8).contains("eol=lf"))
        #expect(
            try String(contentsOf: school.appendingPathComponent(".gitignore"), encoding: .utf8).contains("site/\n"))
        #expect(
            try String(contentsOf: school.appendingPathComponent(".gitignore"), encoding: .utf8).contains(
                ".growth-cache/\n"))
        let hook = try String(contentsOf: school.appendingPathComponent("hooks/pre-commit"), encoding: .utf8)
        #expect(hook.contains("growth check --content content --changed --cache .growth-cache"))
        #expect(FileManager.default.isExecutableFile(atPath: school.appendingPathComponent("hooks/pre-commit").path))
    }

    @Test func aFolderThatIsNotEmptyIsRefusedAndNothingIsOverwritten() throws {
        let school = try TestContent.write(["content/school.yml": "name: 我们自己的\n"])
        defer { TestContent.remove(school) }
        let refused = try CheckCommandTests.growth(["init", school.path, "--preset", "whole-staff"])
        #expect(refused.status == 1)
        #expect(refused.output.contains("is not empty"))
        let forced = try CheckCommandTests.growth(["init", school.path, "--preset", "whole-staff", "--force"])
        #expect(forced.status == 0)
        #expect(forced.output.contains("growth init: kept content/school.yml: it exists"))
        #expect(
            try String(contentsOf: school.appendingPathComponent("content/school.yml"), encoding: .utf8)
                == "name: 我们自己的\n")
    }

    @Test func theCIFilesParseAndRunTheCommandsTheReadmeShows() throws {
        let school = try TestContent.temporaryFolder()
        defer { TestContent.remove(school) }
        _ = try CheckCommandTests.growth(["init", school.path, "--preset", "whole-staff"])
        let github = try String(
            contentsOf: school.appendingPathComponent(".github/workflows/growth.yml"), encoding: .utf8)
        // YAML 1.1 reads the key `on` as true, as GitHub's own parser does not: take either.
        let workflow = try #require(try Yams.load(yaml: github) as? [AnyHashable: Any])
        let jobs = try #require(workflow["jobs"] as? [String: Any])
        #expect(Set(jobs.keys) == ["check", "nightly"])
        let triggers = try #require((workflow[true] ?? workflow["on"]) as? [String: Any])
        let schedule = try #require(triggers["schedule"] as? [[String: String]])
        // 02:00 in Asia/Shanghai is 18:00 UTC.
        #expect(schedule.first?["cron"] == "0 18 * * *")
        let runs = try Self.runs(jobs)
        #expect(runs.contains("growth check --content content --format github"))
        #expect(
            runs.contains(
                "growth build --content content --output site-leadership --audience leadership --cache .growth-cache --format github"
            ))
        #expect(
            runs.contains(
                "growth build --content content --output site-staff --audience staff --cache .growth-cache --format github"
            ))
        // The cache of last night's builds is kept between runs, under the name the .gitignore leaves out.
        let nightlySteps = try #require((jobs["nightly"] as? [String: Any])?["steps"] as? [[String: Any]])
        let cacheStep = try #require(nightlySteps.first { ($0["uses"] as? String) == "actions/cache@v4" })
        #expect((cacheStep["with"] as? [String: Any])?["path"] as? String == ".growth-cache")
        #expect(github.contains("fetch-depth: 0"))
        #expect(github.contains("actions/upload-artifact@v4"))
        #expect(!github.contains("actions/deploy-pages"))
        #expect(github.contains("GROWTH_VERSION: \"\(GrowthVersion.current)\""))

        let gitlab = try String(contentsOf: school.appendingPathComponent(".gitlab-ci.yml"), encoding: .utf8)
        let pipeline = try #require(try Yams.load(yaml: gitlab) as? [String: Any])
        let check = try #require(pipeline["check"] as? [String: Any])
        #expect(
            check["script"] as? [String] == [
                "growth check --content content --format gitlab > gl-code-quality-report.json"
            ])
        let artifacts = try #require(check["artifacts"] as? [String: Any])
        #expect((artifacts["reports"] as? [String: String])?["codequality"] == "gl-code-quality-report.json")
        let nightly = try #require(pipeline["nightly"] as? [String: Any])
        #expect(
            nightly["script"] as? [String] == [
                "growth build --content content --output site-leadership --audience leadership --cache .growth-cache",
                "growth build --content content --output site-staff --audience staff --cache .growth-cache",
            ])
        #expect((nightly["cache"] as? [String: Any])?["paths"] as? [String] == [".growth-cache"])
        #expect((pipeline["variables"] as? [String: Any])?["GIT_DEPTH"] as? Int == 0)
    }

    /// Every `run:` of every step of the workflow's jobs.
    static func runs(_ jobs: [String: Any]) throws -> [String] {
        jobs.values.compactMap { $0 as? [String: Any] }.flatMap { job in
            (job["steps"] as? [[String: Any]] ?? []).compactMap { $0["run"] as? String }
        }
    }

    @Test func gitlabFormatIsACodeQualityReport() throws {
        let run = try CheckCommandTests.growth([
            "check", "--content", "Tests/GrowthKitTests/Fixtures/mistakes", "--as-of", "2025-11-30", "--format",
            "gitlab",
        ])
        #expect(run.status == 1)
        // Standard output is the JSON alone; the summary goes to standard error.
        let json = run.output.replacingOccurrences(of: "27 errors, 4 warnings in 29 files\n", with: "")
        let issues = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(issues.count == 31)
        let first = try #require(issues.first)
        #expect(Set(first.keys) == ["type", "description", "check_name", "fingerprint", "severity", "location"])
        #expect(Set(issues.compactMap { $0["severity"] as? String }) == ["major", "minor"])
        #expect(Set(issues.compactMap { $0["fingerprint"] as? String }).count == 31)
        let location = try #require(first["location"] as? [String: Any])
        #expect((location["path"] as? String)?.hasPrefix("Tests/GrowthKitTests/Fixtures/mistakes/") == true)
        #expect((location["lines"] as? [String: Int])?["begin"] != nil)
    }
}
