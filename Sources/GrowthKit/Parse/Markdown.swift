extension MarkdownBody {
    /// The body of a file: kept as written, rendered when a page shows it.
    init(markdown: some StringProtocol) {
        guard Self.hasText(markdown) else {
            self = .empty
            return
        }
        self.init(markdown: String(markdown), isEmpty: false)
    }

    /// Whether anything but white space is there: decided by the first byte
    /// that is not ASCII white space when it is ASCII or starts a letter
    /// (a Chinese body's first character), else by the characters (an
    /// ideographic space U+3000 is white space too).
    static func hasText(_ text: some StringProtocol) -> Bool {
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index != utf8.endIndex {
            switch utf8[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0B, 0x0C:
                index = utf8.index(after: index)
            case 0..<0x80: return true
            default:
                // A letter after white space begins a character of its own,
                // and a character is white space by its first scalar.
                switch text.unicodeScalars[index].properties.generalCategory {
                case .otherLetter, .lowercaseLetter, .uppercaseLetter, .titlecaseLetter, .modifierLetter: return true
                default: return text.contains { !$0.isWhitespace }
                }
            }
        }
        return false
    }
}
