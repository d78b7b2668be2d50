import Testing

@testable import GrowthKit

/// The exports and the search index are JSON written by hand: what each
/// escape gives, and that the bytes between escapes come through whole.
@Suite struct JSONTextTests {
    @Test func everyEscapeAndTheTextAroundIt() {
        let text = "甲\"乙\\丙\n丁\r戊\t己</script>庚\u{1}\u{1F}辛\u{2028}壬\u{2029}癸 / <a/> \u{E2}\u{80}"
        let document = JSONValue.object([
            "b": .string(text), "a": .array([.int(-3), .number(0.5), .null, .bool(true)]),
        ])
        let expected = """
            {
              "a": [
                -3,
                0.5,
                null,
                true
              ],
              "b": "甲\\"乙\\\\丙\\n丁\\r戊\\t己<\\/script>庚\\u0001\\u001f辛\\u2028壬\\u2029癸 / <a/> \u{E2}\u{80}"
            }

            """
        #expect(document.text == expected)
        #expect(document.bytes == Array(expected.utf8))
    }

    @Test func anEscapeAtEitherEnd() {
        var out: [UInt8] = []
        JSONValue.quote("\u{2028}中间\"", into: &out)
        #expect(String(decoding: out, as: UTF8.self) == #""\u2028中间\"""#)
        out = []
        JSONValue.quote("", into: &out)
        #expect(String(decoding: out, as: UTF8.self) == #""""#)
    }
}
