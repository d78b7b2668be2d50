import Foundation
import Testing

@testable import GrowthKit

/// The hand-written template fields hold exactly what `Mirror` finds: same
/// names, same values, nil optionals as `Absent`. A property added to a view
/// and not to its fields fails here.
@Suite struct TemplateFieldsTests {
    /// What `Mirror` makes of a value, the way `TemplateValue.box` did for every view.
    static func reflected(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional: return mirror.children.first.flatMap { reflected($0.value) } ?? Absent()
        case .collection, .set: return mirror.children.compactMap { reflected($0.value) }
        case .struct, .class:
            var fields: [String: Any] = [:]
            for child in mirror.children {
                if let label = child.label, let boxed = reflected(child.value) { fields[label] = boxed }
            }
            return fields
        default: return value
        }
    }

    static func same(_ a: Any?, _ b: Any?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let x as [String: Any], let y as [String: Any]):
            return Set(x.keys) == Set(y.keys) && x.keys.allSatisfy { same(x[$0], y[$0]) }
        case (let x as [Any], let y as [Any]): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (let x?, let y?): return "\(x)" == "\(y)"
        default: return false
        }
    }

    @Test func everyHandWrittenViewMatchesItsReflection() {
        let link = LinkView(href: "a.html", text: "张小雨", isCurrent: true, textLang: "zh-CN")
        let plain = LinkView(href: "b.html", text: "x")
        let values: [Any] = [
            link, plain, StatusView(kind: "ok", text: "达标"), TableRow(cells: ["a", "b"]),
            FactView(label: "班级", value: "", link: link), FactView(label: "学号", value: "1", link: nil),
            HeatCellView(level: 2, count: "2", title: "t"),
            HeatRowView(student: link, cells: [HeatCellView(level: 0, count: "", title: "u")]),
            TutorRecordView(
                date: "9月1日", dateISO: "2025-09-01", student: plain, type: "谈心谈话", isConfidential: true,
                confidentialLabel: "保密"),
            RecordView(
                anchor: "record-x", date: "d", dateISO: "2025-09-01", type: "t", typeKey: "talk", tutor: link,
                meta: ["状态 3/5"], isConfidential: false, confidentialLabel: "保密", body: "<p>x</p>", hiddenNote: nil,
                lateNote: "补记", bodyLang: nil),
        ]
        for value in values {
            #expect(Self.same(TemplateValue.box(value), Self.reflected(value)), "\(type(of: value))")
        }
    }
}
