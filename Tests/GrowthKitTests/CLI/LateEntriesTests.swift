import Foundation
import Testing

@testable import GrowthKit

/// SPEC §8, late entries: the day a record was first committed is its
/// written day; a record written more than `late_after_days` after its date
/// is late.
@Suite struct LateEntriesTests {
    static func git(_ arguments: [String], in root: URL, date: String? = nil) throws {
        var environment = ProcessInfo.processInfo.environment
        if let date { environment["GIT_COMMITTER_DATE"] = date }
        let run = try TestProcess.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"] + arguments, in: root,
            environment: environment)
        #expect(run.status == 0, "\(run.output)")
    }

    /// A repository whose commits are backdated: s1's talks committed the
    /// evening of their day, s2's all on 2025-12-09 (weeks late).
    static func repository() throws -> URL {
        var files = try TestContent.read(TestContent.fixture("terms")).reduce(into: [String: [UInt8]]()) {
            $0["content/" + $1.key] = $1.value
        }
        files["content/school.yml"] = Array(
            (String(decoding: files["content/school.yml"]!, as: UTF8.self)
                + "evaluation:\n  weights: { records: 0.5, timeliness: 0.5 }\n").utf8)
        let root = try TestContent.write(files)
        try git(["init", "-q", "."], in: root)
        try git(["add", "content/school.yml", "content/classes", "content/tutors"], in: root)
        for student in ["s1", "s2", "s3", "s4"] { try git(["add", "content/students/\(student)/index.md"], in: root) }
        try git(["commit", "-q", "-m", "setup"], in: root, date: "2025-08-30T10:00:00+08:00")
        for date in ["2025-09-02", "2025-09-16", "2025-11-04", "2025-11-11", "2025-11-18", "2025-11-25"] {
            try git(["add", "content/students/s1/\(date)-talk.md"], in: root)
            try git(["commit", "-q", "-m", date], in: root, date: "\(date)T20:00:00+08:00")
        }
        try git(["add", "content"], in: root)
        try git(["commit", "-q", "-m", "the rest, late"], in: root, date: "2025-12-09T20:00:00+08:00")
        return root
    }

    @Test func backdatedCommitsGiveLateRecordsTimelinessAndScore() throws {
        let root = try Self.repository()
        defer { TestContent.remove(root) }
        let run = try CheckCommandTests.growth([
            "build", "--content", root.path + "/content", "--output", root.path + "/site", "--as-of", "2025-12-10",
        ])
        #expect(run.status == 0, "\(run.output)")
        #expect(!run.output.contains("late entries cannot be told"))
        let s2 = try String(contentsOfFile: root.path + "/site/students/s2/index.html", encoding: .utf8)
        // 2025-11-04, committed 2025-12-09: 35 days after.
        #expect(s2.contains("<span class=\"tag late\">补记：2025年12月9日才提交，晚35天</span>"))
        #expect(s2.components(separatedBy: "class=\"tag late\"").count - 1 == 6)
        let s1 = try String(contentsOfFile: root.path + "/site/students/s1/index.html", encoding: .utf8)
        #expect(
            !s1.contains(
                "2025-11-04-talk\" class=\"record talk\">\n<header><time datetime=\"2025-11-04\">2025年11月4日</time> <span class=\"type\">谈心谈话</span> · <a href=\"../../tutors/t-a/index.html\">甲老师</a> <span class=\"tag late\">"
            ))
        // t-a this term: s1's four talks on time, s2's two late: 4 of 6.
        let tutor = try String(contentsOfFile: root.path + "/site/tutors/t-a/index.html", encoding: .utf8)
        #expect(tutor.contains("<dt>按时记录</dt><dd>67%（4/6，记录日期后7天内提交为按时）</dd>"))
        // Score: records (4/5 + 2/3) / 2 = 73.3 and timeliness 66.7, half each: 70.0.
        let data = try Data(contentsOf: URL(fileURLWithPath: root.path + "/site/data/evaluation.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let tutors = try #require(json["tutors"] as? [[String: Any]])
        let a = try #require(tutors.first { $0["id"] as? String == "t-a" })
        #expect((a["parts"] as? [String: Any])?["timeliness"] as? Double == 66.6667)
        #expect(a["score"] as? Double == 70)
    }

    @Test func aShallowCloneSaysSoAndMarksNothingLate() throws {
        let root = try Self.repository()
        defer { TestContent.remove(root) }
        let clone = root.appendingPathComponent("clone")
        try Self.git(["clone", "-q", "--depth", "1", "file://\(root.path)", clone.path], in: root)
        let run = try CheckCommandTests.growth([
            "build", "--content", clone.path + "/content", "--output", root.path + "/site", "--as-of", "2025-12-10",
        ])
        #expect(run.status == 0)
        #expect(run.lines.filter { $0.contains("is a shallow clone: late entries cannot be told") }.count == 1)
        let s2 = try String(contentsOfFile: root.path + "/site/students/s2/index.html", encoding: .utf8)
        #expect(!s2.contains("tag late"))
        let tutor = try String(contentsOfFile: root.path + "/site/tutors/t-a/index.html", encoding: .utf8)
        #expect(!tutor.contains("按时记录"))
    }

    @Test func withoutGitNothingElseChanges() throws {
        let root = try TestContent.write(try TestContent.read(TestContent.fixture("terms")))
        defer { TestContent.remove(root) }
        let output = root.appendingPathComponent("../\(root.lastPathComponent)-site").standardizedFileURL
        defer { TestContent.remove(output) }
        let run = try CheckCommandTests.growth([
            "build", "--content", root.path, "--output", output.path, "--as-of", "2025-12-10",
        ])
        #expect(run.status == 0)
        #expect(run.output.contains("is not in a git repository (or git is missing): late entries cannot be told"))
        let plain = try CheckCommandTests.growth([
            "build", "--content", root.path, "--output", output.path, "--as-of", "2025-12-10", "--no-history",
        ])
        #expect(!plain.output.contains("late entries"))
    }
}
