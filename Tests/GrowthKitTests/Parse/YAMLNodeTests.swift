import Testing
import Yams

@testable import GrowthKit

/// Front matter is composed from libyaml's events by growth itself; Yams'
/// composer is the reference it must agree with, node for node and mark for
/// mark, and what it leaves to Yams (aliases, errors) reads as Yams says.
@Suite struct YAMLNodeTests {
    /// Every node's kind, text, plainness and place, in order.
    private func describe(_ node: YAMLNode?) -> String {
        guard let node else { return "none" }
        let place = "@\(node.line):\(node.column)"
        switch node.value {
        case .scalar(let text, let plain): return "\(plain ? "plain" : "quoted")\(place)\(text.debugDescription)"
        case .sequence(let items): return "list\(place)[" + items.map(describe).joined(separator: ", ") + "]"
        case .mapping(let pairs):
            return "map\(place){" + pairs.map { describe($0.key) + ": " + describe($0.value) }.joined(separator: ", ")
                + "}"
        }
    }

    private func byYams(_ yaml: String) throws -> YAMLNode? {
        try Yams.compose(yaml: yaml, Resolver.basic).map(YAMLNode.init)
    }

    static let frontMatters = [
        "tutor: t-li-hua\nmood: 3\nareas: [study, psychology]\nduration: 30\nconfidential: false\n",
        "follow_up:\n  - { action: 与数学老师沟通作业情况, due: 2023-09-19, done: false }\n  - action: \"家访\"\n    due: 2023-10-01\n",
        "name: 王小明\nclass: 2023-nursing-1\nfamily:\n  structure: single-parent\n  notes: |\n    母亲在外地务工\n    由祖母照顾\n",
        "empty:\nnull: ~\nquoted: 'null'\ndouble: \"~\"\n# a comment\nkey: [2025-1, 2025-2]  # trailing\n",
        "mood: 3\nmood: 4\n",
        "tags: !!int 3\nanchored: &a 值\nfolded: >\n  一行\n  两行\n",
        "terms:\n- { id: 2025-1, name: 第一学期, start: 2025-09-01, end: 2026-01-16 }\n- id: 2026-1\n  name: 第二学期\n",
        "",
        "# only a comment\n",
        "just text",
        "- a\n- b\n",
        "{a: {b: {c: [1, [2, [3]]]}}}",
    ]

    @Test(arguments: frontMatters)
    func composesAsYamsDoes(_ yaml: String) throws {
        #expect(describe(try YAMLNode.compose(yaml[...])) == describe(try byYams(yaml)))
    }

    @Test func keepsEveryPairAndWhereItIs() throws {
        let root = try #require(try YAMLNode.compose("mood: 3\nareas: [study]\nmood: 4\n"))
        #expect(
            describe(root)
                == "map@1:1{plain@1:1\"mood\": plain@1:7\"3\", plain@2:1\"areas\": list@2:8[plain@2:9\"study\"], plain@3:1\"mood\": plain@3:7\"4\"}"
        )
    }

    @Test func aNodeAfterAnAliasIsTheAnchoredOne() throws {
        let root = try #require(try YAMLNode.compose("first: &who t-li-hua\nsecond: *who\n"))
        #expect(root.pairs?.map { $0.value.text } == ["t-li-hua", "t-li-hua"])
    }

    @Test func aSliceOfALargerTextIsReadAlone() throws {
        let file = "---\nmood: 2\n---\n正文: 不是 YAML\n"
        let yaml = file.split(separator: "---\n", maxSplits: 2, omittingEmptySubsequences: true)[0]
        #expect(describe(try YAMLNode.compose(yaml)) == "map@1:1{plain@1:1\"mood\": plain@1:7\"2\"}")
    }

    @Test(arguments: ["mood: [3\n", "a: b: c\n", "- a\nb: c\n", "a: \"open\n", "x: 1\n---\ny: 2\n", "a: *nowhere\n"])
    func malformedTextFailsAsInYams(_ yaml: String) {
        var ours: String?
        var theirs: String?
        do { _ = try YAMLNode.compose(yaml[...]) } catch { ours = "\(error)" }
        do { _ = try byYams(yaml) } catch { theirs = "\(error)" }
        #expect(ours != nil)
        #expect(ours == theirs)
    }

    @Test func aMalformedFrontMatterIsReportedWhereItWasOpened() {
        let parsed = DocumentParser.parse(
            path: "students/s1/2025-09-10-talk.md", kind: .record(studentID: "s1", name: "2025-09-10-talk"),
            bytes: Array("---\nmood: [3\n---\n聊了学习。\n".utf8))
        #expect(parsed.document == nil)
        #expect(parsed.diagnostics.map { "\($0.location.line):\($0.location.column)" } == ["2:7"])
        #expect(parsed.diagnostics.first?.message.hasPrefix("the YAML is malformed: ") == true)
    }
}
