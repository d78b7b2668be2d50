internal import Mustache

/// Turns a view into the dictionaries and arrays Mustache looks names up in.
///
/// swift-mustache finds a struct's property with `Mirror` on every lookup,
/// which made rendering most of a large school's build time. A dictionary
/// lookup is cheap, so each view is reflected once here. A nil optional
/// becomes `Absent`: found where it is, so Mustache does not climb to an
/// outer view's field of the same name (and does not pay for the climb).
enum TemplateValue {
    static func box(_ value: Any) -> Any? {
        switch value {
        case let text as String: return text
        case let flag as Bool: return flag
        case let number as Int: return number
        case let number as Double: return number
        case let fielded as TemplateFields: return fielded.templateFields
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { box($0.value) } ?? Absent()
        case .collection, .set:
            return mirror.children.compactMap { box($0.value) }
        case .struct, .class:
            var fields: [String: Any] = [:]
            for child in mirror.children {
                if let label = child.label, let boxed = box(child.value) { fields[label] = boxed }
            }
            return fields
        default:
            return value
        }
    }
}

/// A nil optional, to a template: empty as text, false in a section, true in
/// an inverted one, exactly as a name Mustache does not find.
struct Absent: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}
