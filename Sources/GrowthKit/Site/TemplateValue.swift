internal import Mustache

/// Turns a view into the dictionaries and arrays Mustache looks names up in.
///
/// swift-mustache finds a struct's property with `Mirror` on every lookup,
/// which made rendering most of a large school's build time; a dictionary
/// lookup is cheap. The view's synthesized `encode(to:)` walks it once,
/// through concrete calls for text, flags and numbers. A nil optional becomes
/// `Absent`: found where it is, so Mustache does not climb to an outer view's
/// field of the same name (and does not pay for the climb).
enum TemplateValue {
    static func box(_ value: some Encodable) -> Any {
        let slot = Slot()
        // The encoder below never throws.
        try? value.encode(to: BoxEncoder(slot: slot))
        return finished(slot.value)
    }
}

/// Views are plain structs with synthesized `Encodable`, which asks for no
/// nested container: one written by hand would be a mistake of growth's.
/// Both encoders of views (`TemplateValue.box`, `PageDigest`) say so.
func unsupported() -> Never {
    preconditionFailure("a template view encodes itself by hand; growth's views use synthesized Encodable")
}

/// A keyed container of a view encoder: no nested container, no super encoder.
protocol FlatKeyedContainer: KeyedEncodingContainerProtocol {}

extension FlatKeyedContainer {
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    { unsupported() }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { unsupported() }
    mutating func superEncoder() -> any Encoder { unsupported() }
    mutating func superEncoder(forKey key: Key) -> any Encoder { unsupported() }
}

/// An unkeyed container of a view encoder: no nested container, no super encoder.
protocol FlatUnkeyedContainer: UnkeyedEncodingContainer {}

extension FlatUnkeyedContainer {
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
        -> KeyedEncodingContainer<NestedKey>
    { unsupported() }
    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { unsupported() }
    mutating func superEncoder() -> any Encoder { unsupported() }
}

/// A nil optional, to a template: empty as text, false in a section, true in
/// an inverted one, exactly as a name Mustache does not find.
struct Absent: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}

/// Where an encoder leaves what it made.
private final class Slot {
    var value: Any = Absent()
}

private final class Fields {
    var fields: [String: Any] = [:]
}

private final class Elements {
    var elements: [Any] = []
}

private struct BoxEncoder: Encoder {
    let slot: Slot
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let fields = Fields()
        slot.value = fields
        return KeyedEncodingContainer(BoxKeyed<Key>(fields: fields, slot: slot))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let elements = Elements()
        slot.value = elements
        return BoxUnkeyed(elements: elements, slot: slot)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { BoxSingle(slot: slot) }
}

/// A value made by a nested encoder: its containers are read out as plain
/// dictionaries and arrays once it is done.
private func finished(_ value: Any) -> Any {
    switch value {
    case let fields as Fields: fields.fields
    case let elements as Elements: elements.elements
    default: value
    }
}

private func boxed(_ value: some Encodable) -> Any {
    switch value {
    case let text as String: return text
    // Other numbers reach the generic call, and encode themselves by calling it again.
    case let number as any BinaryInteger: return Int(truncatingIfNeeded: number)
    case let number as any BinaryFloatingPoint: return Double(number)
    default:
        let slot = Slot()
        try? value.encode(to: BoxEncoder(slot: slot))
        return finished(slot.value)
    }
}

private struct BoxKeyed<Key: CodingKey>: FlatKeyedContainer {
    let fields: Fields
    let slot: Slot
    var codingPath: [any CodingKey] { [] }

    private func put(_ value: Any, _ key: Key) {
        fields.fields[key.stringValue] = value
        slot.value = fields
    }

    mutating func encodeNil(forKey key: Key) { put(Absent(), key) }
    mutating func encode(_ value: String, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: Bool, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: Int, forKey key: Key) { put(value, key) }
    mutating func encode(_ value: Double, forKey key: Key) { put(value, key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) { put(boxed(value), key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) { put(value ?? Absent() as Any, key) }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) { put(value ?? Absent() as Any, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) { put(value ?? Absent() as Any, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) { put(value ?? Absent() as Any, key) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) {
        put(value.map { boxed($0) } ?? Absent(), key)
    }
}

private struct BoxUnkeyed: FlatUnkeyedContainer {
    let elements: Elements
    let slot: Slot
    var codingPath: [any CodingKey] { [] }
    var count: Int { elements.elements.count }

    private func append(_ value: Any) {
        elements.elements.append(value)
        slot.value = elements
    }

    mutating func encodeNil() { append(Absent()) }
    mutating func encode(_ value: String) { append(value) }
    mutating func encode(_ value: Bool) { append(value) }
    mutating func encode(_ value: Int) { append(value) }
    mutating func encode(_ value: Double) { append(value) }
    mutating func encode<T: Encodable>(_ value: T) { append(boxed(value)) }
}

private struct BoxSingle: SingleValueEncodingContainer {
    let slot: Slot
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() { slot.value = Absent() }
    mutating func encode(_ value: String) { slot.value = value }
    mutating func encode(_ value: Bool) { slot.value = value }
    mutating func encode(_ value: Int) { slot.value = value }
    mutating func encode(_ value: Double) { slot.value = value }
    mutating func encode<T: Encodable>(_ value: T) { slot.value = boxed(value) }
}
