import Foundation

/// Turns a file's bytes into text: UTF-8 with an optional BOM, CRLF or LF line
/// endings. Anything else is an `encoding` error at the first bad byte, naming
/// the encoding the file most likely is in.
enum TextDecoding {
    static func decode(_ bytes: [UInt8], path: String) -> Result<String, Diagnostic> {
        bytes.withUnsafeBufferPointer { decode($0, path: path) }
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, path: String) -> Result<String, Diagnostic> {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        // The standard library's validation is the fast path; the byte that
        // fails it is looked for only when it does.
        guard var text = String(validating: UnsafeBufferPointer(rebasing: body), as: UTF8.self) else {
            let all = Array(bytes)
            let start = body.startIndex - bytes.startIndex
            let bad = firstInvalidUTF8(all[start...]) ?? 0
            let location = locate(offset: bad, in: all[start...], path: path)
            let guess = guessEncoding(all)
            return .failure(
                .error(
                    .encoding, at: location,
                    "the file is not UTF-8\(guess.map { "; it looks like \($0)" } ?? ""). Save it as UTF-8.")
            )
        }
        let hasReturn =
            UnsafeBufferPointer(rebasing: body).baseAddress.map {
                memchr($0, Int32(UInt8(ascii: "\r")), body.count) != nil
            } ?? false
        if hasReturn {
            text = text.replacingOccurrences(of: "\r\n", with: "\n")
        }
        return .success(text)
    }

    /// The offset of the first byte that is not part of well-formed UTF-8.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                upper = 0x9F
            case 0xF0:
                length = 4
                lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                upper = 0x8F
            default: return i - bytes.startIndex
            }
            guard i + length <= end else { return i - bytes.startIndex }
            for k in 1..<length {
                let c = bytes[i + k]
                let (lo, hi) = k == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
                guard c >= lo, c <= hi else { return i - bytes.startIndex }
            }
            i += length
        }
        return nil
    }

    /// Line and column (in characters of the valid prefix) of a byte offset.
    static func locate(offset: Int, in bytes: ArraySlice<UInt8>, path: String) -> SourceLocation {
        let prefix = bytes.prefix(offset)
        var line = 1
        var lineStart = prefix.startIndex
        for (index, byte) in zip(prefix.indices, prefix) where byte == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: prefix[lineStart...], as: UTF8.self).unicodeScalars.count + 1
        return SourceLocation(path: path, line: line, column: column)
    }

    /// A best guess at a legacy encoding, for the error message.
    static func guessEncoding(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16" }
        return isGB18030(bytes) ? "GB18030/GBK" : nil
    }

    /// Whether every non-ASCII byte forms a GBK two-byte or GB18030 four-byte sequence.
    static func isGB18030(_ bytes: [UInt8]) -> Bool {
        var i = 0
        var sawMultibyte = false
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            guard (0x81...0xFE).contains(b), i + 1 < bytes.count else { return false }
            let t = bytes[i + 1]
            if (0x40...0x7E).contains(t) || (0x80...0xFE).contains(t) {
                i += 2
            } else if (0x30...0x39).contains(t), i + 3 < bytes.count,
                (0x81...0xFE).contains(bytes[i + 2]), (0x30...0x39).contains(bytes[i + 3])
            {
                i += 4
            } else {
                return false
            }
            sawMultibyte = true
        }
        return sawMultibyte
    }
}
