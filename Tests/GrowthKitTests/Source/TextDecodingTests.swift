import Foundation
import Testing

@testable import GrowthKit

/// Files are UTF-8; a BOM and CRLF are accepted, anything else is named.
@Suite struct TextDecodingTests {
    private func parse(_ bytes: [UInt8], path: String = "tutors/t-a.md") -> ParsedFile {
        DocumentParser.parse(path: path, kind: .tutor(id: "t-a"), bytes: bytes)
    }

    @Test func byteOrderMarkAndCRLFAreAccepted() throws {
        let text = "---\r\nname: 甲老师\r\nrole: teacher\r\nrole: staff\r\n---\r\n简介\r\n"
        let file = parse([0xEF, 0xBB, 0xBF] + Array(text.utf8))
        // Line numbers still count from the first line, columns from the first character.
        #expect(file.diagnostics.map(\.place) == ["duplicate-key tutors/t-a.md:4:1"])
        guard case .tutor(let tutor) = file.document else {
            Issue.record("expected a tutor")
            return
        }
        #expect(tutor.value.name == "甲老师")
        #expect(tutor.value.bio.html == "<p>简介</p>\n")
    }

    @Test func gbkIsNamedAtTheFirstBadByte() {
        // "名字" in GBK is C3 FB D7 D6; the first line is plain ASCII.
        let bytes = Array("---\nname: ".utf8) + [0xC3, 0xFB, 0xD7, 0xD6] + Array("\n---\n".utf8)
        let file = parse(bytes)
        #expect(file.document == nil)
        #expect(file.diagnostics.map(\.place) == ["encoding tutors/t-a.md:2:7"])
        #expect(
            file.diagnostics.first?.message == "the file is not UTF-8; it looks like GB18030/GBK. Save it as UTF-8.")
    }

    @Test func utf16IsNamed() {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("---\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let file = parse(bytes)
        #expect(file.diagnostics.map(\.rule) == [.encoding])
        #expect(file.diagnostics.first?.message.contains("UTF-16") == true)
    }

    @Test func otherBytesAreNotGuessed() {
        let bytes = Array("---\nname: a".utf8) + [0xFF, 0xFF, 0xFF] + Array("\n---\n".utf8)
        let file = parse(bytes)
        #expect(file.diagnostics.map(\.place) == ["encoding tutors/t-a.md:2:8"])
        #expect(file.diagnostics.first?.message.contains("GB18030") == false)
    }
}
