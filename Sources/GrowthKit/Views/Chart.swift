/// A row of a table in a view: ready-made cell strings.
struct TableRow: Sendable, Hashable, Encodable {
    var cells: [String]
}

/// A chart made at build time: inline SVG with a `<title>`, a one-sentence
/// summary, and its numbers as a table for readers who cannot see it.
struct ChartView: Sendable, Encodable {
    var id: String
    var title: String
    /// The whole `<svg>` element; every text in it is escaped.
    var svg: String
    var summary: String
    var headers: [String]
    var rows: [TableRow]
    var tableLabel: String
}

/// Builds the SVG of each kind of chart.
enum Chart {
    struct Bar {
        var label: String
        /// 0…1 for the bar length.
        var fraction: Double?
        /// What is written at the end of the bar.
        var text: String
    }

    static func status(_ fraction: Double?) -> String {
        guard let fraction else { return "none" }
        return fraction >= 0.9 ? "ok" : fraction >= 0.6 ? "warn" : "bad"
    }

    static func open(_ id: String, _ title: String, width: Int, height: Int) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(width) \(height)\" "
            + "role=\"img\" aria-labelledby=\"\(id)-title\"><title id=\"\(id)-title\">\(HTML.escape(title))</title>"
    }

    /// Horizontal bars, one per label, with the value written at the end
    /// (colour says the status, the number says it too).
    static func bars(id: String, title: String, _ bars: [Bar]) -> String {
        let width = 640
        let labelWidth = 170
        let barSpace = width - labelWidth - 110
        let rowHeight = 30
        let height = max(1, bars.count) * rowHeight + 10
        var svg = open(id, title, width: width, height: height)
        for (index, bar) in bars.enumerated() {
            let y = 5 + index * rowHeight
            let length = Int(((bar.fraction ?? 0) * Double(barSpace)).rounded())
            svg +=
                "<text class=\"label\" x=\"\(labelWidth - 8)\" y=\"\(y + 19)\" text-anchor=\"end\">"
                + "\(HTML.escape(truncate(bar.label, 12)))</text>"
            svg +=
                "<rect class=\"track\" x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(barSpace)\" height=\"20\" rx=\"3\"/>"
            if length > 0 {
                svg +=
                    "<rect class=\"bar \(status(bar.fraction))\" x=\"\(labelWidth)\" y=\"\(y + 4)\" "
                    + "width=\"\(length)\" height=\"20\" rx=\"3\"/>"
            }
            svg +=
                "<text class=\"value\" x=\"\(labelWidth + barSpace + 8)\" y=\"\(y + 19)\">\(HTML.escape(bar.text))</text>"
        }
        return svg + "</svg>"
    }

    /// Vertical columns over time (records per week), labelled every few columns.
    static func columns(id: String, title: String, _ values: [(label: String, value: Int)]) -> String {
        let width = 640
        let height = 220
        let left = 36
        let bottom = 190
        let top = 14
        let maximum = max(1, values.map(\.value).max() ?? 1)
        let step = Double(width - left - 10) / Double(max(1, values.count))
        var svg = open(id, title, width: width, height: height)
        for fraction in [0.0, 0.5, 1.0] {
            let y = Double(bottom) - fraction * Double(bottom - top)
            let value = Int((fraction * Double(maximum)).rounded())
            svg += "<line class=\"grid\" x1=\"\(left)\" x2=\"\(width - 10)\" y1=\"\(format(y))\" y2=\"\(format(y))\"/>"
            svg += "<text class=\"axis\" x=\"\(left - 6)\" y=\"\(format(y + 4))\" text-anchor=\"end\">\(value)</text>"
        }
        // Every Nth label, so that none overlaps the next: a label is about
        // 13 px a Chinese character and 7 px a digit or Latin letter.
        let widest = values.map { labelWidth($0.label) }.max() ?? 0
        let every = max(1, Int(((widest + 8) / step).rounded(.up)))
        for (index, item) in values.enumerated() {
            let h = Double(item.value) / Double(maximum) * Double(bottom - top)
            let x = Double(left) + Double(index) * step
            if item.value > 0 {
                svg +=
                    "<rect class=\"column\" x=\"\(format(x + 1))\" y=\"\(format(Double(bottom) - h))\" "
                    + "width=\"\(format(max(1, step - 2)))\" height=\"\(format(h))\"/>"
            }
            if index % every == 0 {
                svg +=
                    "<text class=\"axis\" x=\"\(format(x + step / 2))\" y=\"\(bottom + 18)\" text-anchor=\"middle\">"
                    + "\(HTML.escape(item.label))</text>"
            }
        }
        return svg + "</svg>"
    }

    /// A line over the term (mood 1…5 by date).
    static func line(
        id: String, title: String, points: [(day: Day, value: Int)], from start: Day, to end: Day,
        tick: (Day) -> String
    ) -> String {
        let width = 640
        let height = 220
        let left = 36
        let right = width - 14
        let top = 14
        let bottom = 186
        let span = Double(max(1, start.days(to: end)))
        func x(_ day: Day) -> Double { Double(left) + Double(start.days(to: day)) / span * Double(right - left) }
        func y(_ value: Int) -> Double { Double(bottom) - Double(value - 1) / 4 * Double(bottom - top) }
        var svg = open(id, title, width: width, height: height)
        for value in 1...5 {
            svg +=
                "<line class=\"grid\" x1=\"\(left)\" x2=\"\(right)\" y1=\"\(format(y(value)))\" y2=\"\(format(y(value)))\"/>"
            svg +=
                "<text class=\"axis\" x=\"\(left - 8)\" y=\"\(format(y(value) + 4))\" text-anchor=\"end\">\(value)</text>"
        }
        var month = start.firstOfMonth
        while month <= end {
            if month >= start {
                svg +=
                    "<text class=\"axis\" x=\"\(format(x(month)))\" y=\"\(bottom + 22)\" text-anchor=\"middle\">"
                    + "\(HTML.escape(tick(month)))</text>"
            }
            month = month.firstOfMonth(adding: 1)
        }
        if points.count > 1 {
            let path = points.map { "\(format(x($0.day))),\(format(y($0.value)))" }.joined(separator: " ")
            svg += "<polyline class=\"line\" points=\"\(path)\"/>"
        }
        for point in points {
            svg += "<circle class=\"dot\" cx=\"\(format(x(point.day)))\" cy=\"\(format(y(point.value)))\" r=\"4\"/>"
        }
        return svg + "</svg>"
    }

    /// About how wide `text` is drawn at the charts' 12 px axis font.
    static func labelWidth(_ text: String) -> Double {
        text.unicodeScalars.reduce(0) { $0 + ($1.value > 0x2E80 ? 12.5 : 7) }
    }

    /// One decimal is enough for a drawing, and keeps the bytes short and stable.
    static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(abs(tenths % 10))"
    }

    static func truncate(_ text: String, _ length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }
}
