import Foundation
import Testing

@testable import GrowthKit

/// Random front matter and survey rows, built from the pieces mistakes are
/// made of: never a crash, and every input either read or reported.
@Suite struct FuzzTests {
    /// A small seeded generator, so a failure can be run again.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state ^ (state >> 29)
        }
    }

    static let keys = [
        "mood", "areas", "duration", "confidential", "follow_up", "tutor", "date", "type", "effect", "decision",
        "Confidential", "moood", "名字", "", "- x", "? y", "&a", "*a", "!!binary",
    ]
    static let values = [
        "3", "9", "-1", "9223372036854775807", "3.5", "high", "[study, health]", "[study", "{", "}", "]", "\"open",
        "'x''y'", "~", "null", "", "2025-02-30", "2025-10-01", "yes", "on", "|\n  block", ">-", "\u{202E}x",
        "\u{0}", "\t", "- { action: x, due: 2025-13-01 }", "[[[[[[[[[[", "{a: {b: {c: [1, [2, [3]]]}}}", "&anchor x",
        "*anchor", "!!int 3", "😀", "测试", "\"\\u00e9\"",
    ]

    @Test(arguments: 0..<4) func randomFrontMatterIsReadOrReported(round: Int) {
        var rng = Seeded(state: UInt64(round) &* 7919 &+ 17)
        for _ in 0..<150 {
            var yaml = ""
            for _ in 0..<Int.random(in: 0...6, using: &rng) {
                let key = Self.keys.randomElement(using: &rng)!
                let value = Self.values.randomElement(using: &rng)!
                let indent = String(repeating: " ", count: Int.random(in: 0...2, using: &rng))
                yaml += "\(indent)\(key): \(value)\n"
            }
            let text = "---\n\(yaml)---\nbody\n"
            let file = DocumentParser.parse(
                path: "students/s1/2025-10-01-talk.md", kind: .record(studentID: "s1", name: "2025-10-01-talk"),
                bytes: Array(text.utf8))
            #expect(file.document != nil || !file.diagnostics.isEmpty, "\(text)")
            for diagnostic in file.diagnostics {
                #expect(
                    diagnostic.location.line >= 1 && diagnostic.location.line <= text.split(separator: "\n").count + 1)
            }
        }
    }

    static let cells = [
        "2025-10-31", "2025-13-01", "parent", "student", "teacher", "s1", "", "5", "0", "six", "yes", "no", "maybe",
        "\"a, b\"", "\"line\nbreak\"", "\"open", "=HYPERLINK()", "😀", "\"\"\"", ",", "测试",
    ]

    @Test(arguments: 0..<4) func randomSurveyRowsAreReadOrReported(round: Int) {
        var rng = Seeded(state: UInt64(round) &* 104_729 &+ 5)
        for _ in 0..<100 {
            var text = "date,respondent,student,score,contacted,comment\n"
            let rows = Int.random(in: 0...8, using: &rng)
            for _ in 0..<rows {
                let count = Int.random(in: 4...8, using: &rng)
                text += (0..<count).map { _ in Self.cells.randomElement(using: &rng)! }.joined(separator: ",") + "\n"
            }
            let (parsed, diagnostics) = SurveyParser.parse(text, path: "surveys/a.csv")
            // Every row is an answer or has a problem; a row never vanishes.
            let lines = text.split(separator: "\n", omittingEmptySubsequences: true).count - 1
            #expect(parsed.count + Set(diagnostics.map(\.location.line)).count >= min(1, lines), "\(text)")
            if !diagnostics.isEmpty || parsed.count == rows { continue }
            Issue.record("rows read \(parsed.count) of \(rows) with no problem: \(text)")
        }
    }
}
