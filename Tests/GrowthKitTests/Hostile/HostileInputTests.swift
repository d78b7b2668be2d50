import Foundation
import Testing

@testable import GrowthKit

/// Careless and hostile input: each case gets a diagnostic with its place and
/// rule, never a crash, a silent drop, a leak or a lost file.
@Suite struct HostileInputTests {
    private func places(_ files: [String: String], asOf: String? = nil) async throws -> [String] {
        try await TestContent.check(adding: files, asOf: asOf.flatMap { Day(iso: $0) }).diagnostics.map(\.place)
    }

    @Test func deepNestingIsAnErrorNotACrash() async throws {
        let flow = "---\nmood: " + String(repeating: "[", count: 5000) + "\n---\n聊天。\n"
        var block = "---\nareas:\n"
        for depth in 1...200 { block += String(repeating: " ", count: depth) + "a:\n" }
        block += "---\n聊天。\n"
        let checked = try await TestContent.check(adding: [
            "students/s1/2025-10-01-talk.md": flow, "students/s1/2025-10-02-talk.md": block,
        ])
        // The 33rd bracket, and the first line indented past 128.
        #expect(
            checked.diagnostics.map(\.place) == [
                "yaml-syntax students/s1/2025-10-01-talk.md:2:39", "yaml-syntax students/s1/2025-10-02-talk.md:131:129",
            ])
        #expect(checked.diagnostics[0].message.contains("nests deeper than 32 levels"))
    }

    @Test func hugeCadencesAndFarYearsAreRefusedInCheck() async throws {
        let yml = """
            name: 测试学校
            term: { name: 第一学期, start: 2025-09-01, end: 2026-01-16 }
            policy:
              talk: { every: 9223372036854775807 weeks }
              report: { every: 1000000 months }
            """
        let checked = try await TestContent.check(adding: ["school.yml": yml])
        #expect(checked.diagnostics.map(\.place) == ["bad-cadence school.yml:4:18", "bad-cadence school.yml:5:20"])
        #expect(checked.diagnostics[0].message.contains("`N week(s)` (1 to 52)"))
        for (start, end) in [("0001-01-01", "2026-01-16"), ("2025-09-01", "9999-12-31")] {
            let far = try await places([
                "school.yml": "name: 测试学校\nterm: { name: 第一学期, start: \(start), end: \(end) }\n"
            ])
            #expect(far.first?.hasPrefix("invalid-value school.yml:2:") == true, "\(far)")
        }
    }

    @Test func anUnclosedQuoteInASurveySwallowsNothingInSilence() async throws {
        var rows = "date,respondent,student,score,contacted,comment\n2025-10-31,parent,s1,5,yes,\"好老师\n"
        for _ in 1...10 { rows += "2025-10-31,student,s1,4,yes,还行\n" }
        let checked = try await TestContent.check(adding: ["surveys/a.csv": rows])
        #expect(checked.diagnostics.map(\.place) == ["csv-value surveys/a.csv:2:28"])
        #expect(checked.diagnostics[0].message.contains("the next 10 rows would be read as part of this field"))
        let empty = try await places(["surveys/empty.csv": ""])
        #expect(empty == ["csv-header surveys/empty.csv:1:1"])
    }

    @Test func brokenLoopingAndFolderLinksAreReported() async throws {
        let root = try TestContent.write(TestContent.minimalSchool)
        defer { TestContent.remove(root) }
        let folder = root.appendingPathComponent("students/s1").path
        try FileManager.default.createSymbolicLink(
            atPath: folder + "/2025-10-01-talk.md", withDestinationPath: "gone.md")
        try FileManager.default.createSymbolicLink(
            atPath: folder + "/2025-10-02-talk.md", withDestinationPath: folder + "/2025-10-02-talk.md")
        try FileManager.default.createSymbolicLink(atPath: root.path + "/students/dot", withDestinationPath: ".")
        let checked = await TestContent.check(root)
        #expect(
            checked.diagnostics.map(\.place) == [
                "unexpected-file students/dot:1:1", "unreadable-file students/s1/2025-10-01-talk.md:1:1",
                "unreadable-file students/s1/2025-10-02-talk.md:1:1",
            ])
    }

    /// A named pipe where a record belongs (`mkfifo`): reported as a file
    /// that cannot be read, not waited on until something writes to it.
    @Test func aNamedPipeIsReportedNotWaitedOn() async throws {
        let root = try TestContent.write(TestContent.minimalSchool)
        defer { TestContent.remove(root) }
        #expect(mkfifo(root.appendingPathComponent("students/s1/2025-10-01-talk.md").path, 0o644) == 0)
        let checked = await TestContent.check(root)
        #expect(checked.diagnostics.map(\.place) == ["unreadable-file students/s1/2025-10-01-talk.md:1:1"])
    }

    @Test func aMistakenConfidentialFlagFailsClosed() async throws {
        let files = [
            "students/s1/2025-10-01-talk.md": "---\nconfidental: true\n---\nMARK-A\n",
            "students/s1/2025-10-02-talk.md": "---\nConfidential: true\n---\nMARK-B\n",
            "students/s1/2025-10-03-talk.md": "---\nconfidential:\n---\nMARK-C\n",
            "students/s1/2025-10-04-talk.md": "---\nconfidential: on\n---\nMARK-D\n",
        ]
        let checked = try await TestContent.check(adding: files)
        #expect(
            checked.diagnostics.map(\.place) == [
                "invalid-value students/s1/2025-10-01-talk.md:2:1", "invalid-value students/s1/2025-10-02-talk.md:2:1",
                "wrong-type students/s1/2025-10-03-talk.md:2:1", "wrong-type students/s1/2025-10-04-talk.md:2:15",
            ])
        let records = try #require(checked.school).records
        #expect(records.count == 4)
        #expect(records.allSatisfy { $0.isConfidential })
        // Built anyway (--allow-errors), staff read none of them.
        let site = SiteBuilder.build(
            school: try #require(checked.school), asOf: day("2026-01-16"), audience: .staff,
            problems: checked.diagnostics)
        let all = site.files.values.map { String(decoding: $0, as: UTF8.self) }.joined()
        for marker in ["MARK-A", "MARK-B", "MARK-C", "MARK-D"] { #expect(!all.contains(marker), "\(marker)") }
    }

    @Test func theStaffProblemsPageQuotesNoConfidentialValue() throws {
        let root = try TestContent.write(
            TestContent.minimalSchool.merging([
                "students/s1/index.md":
                    "---\nname: 学生一\nclass: c1\ntutor: t-a\nfamily:\n  structure: MARK-STRUCTURE\n---\n",
                "students/s1/2025-10-01-talk-mark-slug.md": "---\nconfidential: true\nmood: 9\n---\n谈话。\n",
            ]) { _, new in new })
        defer { TestContent.remove(root) }
        let output = root.appendingPathComponent("../\(root.lastPathComponent)-site").standardizedFileURL
        defer { TestContent.remove(output) }
        let run = try CheckCommandTests.growth([
            "build", "--content", root.path, "--output", output.path, "--as-of", "2026-01-16", "--allow-errors",
            "--audience", "staff", "--no-history",
        ])
        #expect(run.status == 0, "\(run.output)")
        let problems = try String(contentsOfFile: output.path + "/problems/index.html", encoding: .utf8)
        #expect(problems.contains("students/s1/2025-10-01-talk-…:3:7"))
        #expect(problems.contains("[invalid-value]"))
        for leak in ["MARK-STRUCTURE", "mark-slug", "mood: 9"] { #expect(!problems.contains(leak), "\(leak)") }
    }

    @Test func aBrokenProfileOrTutorIsNamedOnceForWhatItIs() async throws {
        let checked = try await TestContent.check(adding: [
            "students/s1/index.md": "---\nclass: c1\ntutor: t-a\n---\n",
            "students/s1/2025-10-01-talk.md": "---\n---\n聊天。\n",
            "tutors/t-a.md": "---\nname: 甲老师\n---\n",
        ])
        let messages = checked.diagnostics.map { "\($0.place) \($0.message)" }
        #expect(!messages.contains { $0.contains("has no index.md") || $0.contains("there is no tutors/t-a.md") })
        #expect(
            messages.contains {
                $0.hasPrefix("missing-file students/s1/index.md:1:1 the profile has errors (see them here)")
            })
        #expect(
            messages.contains { $0.hasPrefix("unknown-id tutors/t-a.md:1:1 this file has errors, so it is left out") })
    }

    @Test func aRecordAfterTodayIsAnErrorWhateverTheAsOfDate() async throws {
        // The clock says 2026-11-23; the as-of date is later.
        let found = try await places(["students/s1/2025-12-01-talk.md": "---\n---\n聊天。\n"], asOf: "2027-01-10")
        #expect(found.contains("date-in-future students/s1/2025-12-01-talk.md:1:1") == false)
        let root = try TestContent.write(
            TestContent.minimalSchool.merging([
                "school.yml": "name: 测试学校\nterm: { name: 第一学期, start: 2026-09-01, end: 2027-01-16 }\n",
                "students/s1/2026-12-20-talk.md": "---\n---\n还没发生。\n",
            ]) { _, new in new })
        defer { TestContent.remove(root) }
        let later = await TestContent.check(root, asOf: day("2027-01-10"))
        #expect(later.diagnostics.map(\.place) == ["date-in-future students/s1/2026-12-20-talk.md:1:1"])
    }

    @Test func aValueWithALineBreakCannotForgeADiagnostic() throws {
        let report = DiagnosticReport(
            [
                .error(
                    .invalidValue, at: SourceLocation(path: "tutors/t-a.md", line: 2, column: 7),
                    "`x\nfake.md:1:1: error: forged`")
            ],
            fileCount: 1)
        let lines = report.lines(in: .text)
        #expect(lines == ["tutors/t-a.md:2:7: error: `x\\nfake.md:1:1: error: forged` [invalid-value]"])
    }

    @Test func anOpenBracketIsReportedWhereItOpens() async throws {
        #expect(
            try await places(["students/s1/2025-10-01-talk.md": "---\nmood: [4\n---\n聊天。\n"]) == [
                "yaml-syntax students/s1/2025-10-01-talk.md:2:7"
            ])
    }

    /// A front matter with many keys: each unknown one is named once, a
    /// duplicate among them points at the first, wherever it comes.
    @Test func manyKeysAreEachReadOnce() async throws {
        var yaml = "---\n"
        for n in 1...40 { yaml += "k\(n): \(n)\n" }  // lines 2–41
        yaml += "k30: again\nk3: again\n---\n聊天。\n"  // lines 42 and 43
        let checked = try await TestContent.check(adding: ["students/s1/2025-10-01-talk.md": yaml])
        let places = checked.diagnostics.map(\.place)
        #expect(places.filter { $0.hasPrefix("unknown-field") }.count == 40)
        #expect(places.contains("duplicate-key students/s1/2025-10-01-talk.md:42:1"))
        #expect(places.contains("duplicate-key students/s1/2025-10-01-talk.md:43:1"))
        let duplicates = checked.diagnostics.filter { $0.rule == .duplicateKey }.map(\.message)
        #expect(
            duplicates == [
                "`k30` is given twice; the first is at line 31", "`k3` is given twice; the first is at line 4",
            ])
    }

    @Test func directionControlsAreRemovedFromNames() async throws {
        let checked = try await TestContent.check(adding: [
            "students/s1/index.md": "---\nname: \"学生\u{202E}一\"\nclass: c1\ntutor: t-a\n---\n"
        ])
        #expect(checked.diagnostics.map(\.place) == ["invalid-value students/s1/index.md:2:7"])
        #expect(checked.school?.students.first?.name == "学生一")
        // Every embedding, override and isolate control is found, and
        // nothing else that shares its first byte (quotes, dashes, spaces).
        let controls = [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
        for control in controls.compactMap(Unicode.Scalar.init) {
            #expect("学\(Character(control))生".hasDirectionControl, "U+\(String(control.value, radix: 16))")
        }
        #expect(!"“学生”——…\u{2029}\u{202F}\u{2065}\u{206A}\u{2000}".hasDirectionControl)
    }
}
