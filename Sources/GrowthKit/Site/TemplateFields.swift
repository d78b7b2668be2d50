/// The views a large school renders tens of thousands of times, handed to
/// the templates as dictionaries without `Mirror`: reflecting them was a
/// quarter of a build's CPU (Benchmarks/README.md). Each lists exactly its
/// stored properties, a nil optional left out as `Mirror` boxing leaves it
/// out, so the pages stay byte for byte the same; `TemplateFieldsTests`
/// compares both ways for each type.
protocol TemplateFields {
    var templateFields: [String: Any] { get }
}

extension TemplateFields {
    /// `value` boxed, or `Absent` for nil: the way `TemplateValue.box` treats an optional.
    func put(_ fields: inout [String: Any], _ key: String, _ value: Any?) {
        if let value, let boxed = TemplateValue.box(value) { fields[key] = boxed } else { fields[key] = Absent() }
    }
}

extension LinkView: TemplateFields {
    var templateFields: [String: Any] {
        var fields: [String: Any] = ["href": href, "text": text, "isCurrent": isCurrent]
        put(&fields, "textLang", textLang)
        return fields
    }
}

extension StatusView: TemplateFields {
    var templateFields: [String: Any] { ["kind": kind, "text": text] }
}

extension TableRow: TemplateFields {
    var templateFields: [String: Any] { ["cells": cells] }
}

extension FactView: TemplateFields {
    var templateFields: [String: Any] {
        var fields: [String: Any] = ["label": label, "value": value]
        put(&fields, "link", link)
        return fields
    }
}

extension HeatCellView: TemplateFields {
    var templateFields: [String: Any] { ["level": level, "count": count, "title": title] }
}

extension HeatRowView: TemplateFields {
    var templateFields: [String: Any] { ["student": student.templateFields, "cells": cells.map(\.templateFields)] }
}

extension TutorRecordView: TemplateFields {
    var templateFields: [String: Any] {
        [
            "date": date, "dateISO": dateISO, "student": student.templateFields, "type": type,
            "isConfidential": isConfidential, "confidentialLabel": confidentialLabel,
        ]
    }
}

extension RecordView: TemplateFields {
    var templateFields: [String: Any] {
        var fields: [String: Any] = [
            "anchor": anchor, "date": date, "dateISO": dateISO, "type": type, "typeKey": typeKey, "meta": meta,
            "isConfidential": isConfidential, "confidentialLabel": confidentialLabel, "body": body,
        ]
        put(&fields, "tutor", tutor)
        put(&fields, "hiddenNote", hiddenNote)
        put(&fields, "lateNote", lateNote)
        put(&fields, "bodyLang", bodyLang)
        return fields
    }
}
