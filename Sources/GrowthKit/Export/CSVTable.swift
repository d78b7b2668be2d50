/// A table written as CSV for Excel: UTF-8 with a byte-order mark (so Chinese
/// opens intact), CRLF rows, RFC 4180 quoting, and cells that Excel would run
/// as a formula (`=`, `+`, `-`, `@`, tab, CR) prefixed with `'`.
struct CSVTable: Sendable {
    var header: [String]
    var rows: [[String]]

    init(header: [String], rows: [[String]] = []) {
        self.header = header
        self.rows = rows
    }

    var bytes: [UInt8] {
        var text = ""
        for row in [header] + rows {
            text += row.map(Self.cell).joined(separator: ",") + "\r\n"
        }
        return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
    }

    static func cell(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            value = "'" + value
        }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
        else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A number as a CSV cell, rounded to `scale` (4 decimals by default); empty when absent.
    static func number(_ value: Double?, scale: Double = 10_000) -> String {
        guard let value, value.isFinite else { return "" }
        return String((value * scale).rounded() / scale)
    }
}
