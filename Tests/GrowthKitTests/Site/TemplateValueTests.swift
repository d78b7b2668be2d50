import Foundation
import Testing

@testable import GrowthKit

/// What the templates see of a view, made through its synthesized
/// `Encodable`, is exactly what `Mirror` finds: same names, same values, nil
/// optionals as `Absent`; and a view's digest changes with any value in it.
@Suite struct TemplateValueTests {
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

    @Test func everyViewBoxesAsItsReflection() {
        let link = LinkView(href: "a.html", text: "张小雨", isCurrent: true, textLang: "zh-CN")
        let plain = LinkView(href: "b.html", text: "x")
        let values: [any Encodable] = [
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
            TableSectionView(heading: "h", hint: "i", headers: ["a"], rows: [FactView(label: "l", value: "v")]),
            ChartView(
                id: "c", title: "t", svg: "<svg/>", summary: "s", headers: ["a"], rows: [TableRow(cells: ["1"])],
                tableLabel: "l"),
        ]
        for value in values {
            #expect(Self.same(TemplateValue.box(value).mustacheValue, Self.reflected(value)), "\(type(of: value))")
        }
    }

    /// A page's digest is the same for the same view and frame, and differs
    /// when any one value, its place or the template differs.
    @Test func aDigestChangesWithAnyValue() {
        func page(_ view: any TemplateView, template: String = "t") -> Page {
            let frame = PageFrame(
                lang: "zh-CN", title: "t", schoolName: "s", root: "", nav: [], navLabel: "n", terms: [],
                termsLabel: "", skipLabel: "", minorsNotice: nil, contentLang: nil, audience: "a", asOf: "d", term: "x",
                generatedBy: "g", problems: nil)
            return Page(path: "p", template: template, frame: frame, view: view)
        }
        let link = LinkView(href: "a.html", text: "x")
        let same = [
            PageDigest(page(FactView(label: "班级", value: "1", link: link))),
            PageDigest(page(FactView(label: "班级", value: "1", link: link))),
        ]
        #expect(same[0] == same[1])
        let others = [
            PageDigest(page(FactView(label: "班级", value: "2", link: link))),
            PageDigest(page(FactView(label: "班级", value: "1", link: nil))),
            PageDigest(page(FactView(label: "班", value: "级1", link: link))),
            PageDigest(
                page(FactView(label: "班级", value: "1", link: LinkView(href: "a.html", text: "x", isCurrent: true)))),
            PageDigest(page(FactView(label: "班级", value: "1", link: link), template: "u")),
            PageDigest(page(TableRow(cells: ["a", "b"]))),
            PageDigest(page(TableRow(cells: ["ab"]))),
            PageDigest(page(TableRow(cells: ["a", "b", ""]))),
        ]
        #expect(Set(others + [same[0]]).count == others.count + 1)
        // Stable across runs and machines: a cache made yesterday still matches.
        #expect(PageDigest(page(TableRow(cells: ["a", "b"]))).description == "065740107cc9e3945b333d0bc629bd93")
        #expect(
            PageDigest(PageDigest(page(TableRow(cells: ["a"]))).description) == PageDigest(page(TableRow(cells: ["a"])))
        )
    }

    /// A view with other kinds of number boxes and digests them as numbers,
    /// not by recursing into them.
    @Test func otherNumbersBoxAsNumbers() {
        struct Odd: TemplateView {
            var small: Int8
            var wide: UInt64
            var ratio: Float
            var missing: Float?
        }
        let boxed = TemplateValue.box(Odd(small: 3, wide: 7, ratio: 0.5, missing: nil)).mustacheValue as? [String: Any]
        #expect(boxed?["small"] as? Int == 3 && boxed?["wide"] as? Int == 7 && boxed?["ratio"] as? Double == 0.5)
        let frame = PageFrame(
            lang: "en", title: "t", schoolName: "s", root: "", nav: [], navLabel: "n", terms: [], termsLabel: "",
            skipLabel: "", minorsNotice: nil, contentLang: nil, audience: "a", asOf: "d", term: "x", generatedBy: "g",
            problems: nil)
        let one = PageDigest(Page(path: "p", template: "t", frame: frame, view: Odd(small: 3, wide: 7, ratio: 0.5)))
        let other = PageDigest(Page(path: "p", template: "t", frame: frame, view: Odd(small: 4, wide: 7, ratio: 0.5)))
        #expect(one != other)
    }

    /// A digest is written as 32 lower-case hexadecimal digits, leading
    /// zeros kept, and read back as itself: the cache's manifest holds them.
    @Test func aDigestIsWrittenAsThirtyTwoHexDigits() {
        let digest = PageDigest(value: 0x0000_0000_0000_0000_00ab_cdef_0123_4f09)
        #expect(digest.description == "000000000000000000abcdef01234f09")
        #expect(PageDigest(value: UInt128.max).description == String(repeating: "f", count: 32))
        #expect(PageDigest(digest.description) == digest)
    }
}
