internal import Mustache

/// What a template sees of a view: text, a flag, a number, a list, an object
/// of named fields, or `absent` (a nil optional).
///
/// The view's synthesized `encode(to:)` walks it once, through concrete calls
/// for text, flags and numbers, so no `Mirror` and no dynamic cast is needed
/// to read it. A nil optional is `absent`: found where it is, so a template
/// does not climb to an outer view's field of the same name.
enum ViewValue: Sendable {
    case text(String)
    case flag(Bool)
    case integer(Int)
    case real(Double)
    case list([ViewValue])
    case object(ViewFields)
    case absent
    /// Text already in UTF-8, a rendered page handed to the layout: written
    /// as it is, not decoded and checked again.
    case utf8([UInt8])

    /// The same value as swift-mustache reads it: `String`, `Bool`, `Int`,
    /// `Double`, arrays, dictionaries and `Absent`.
    var mustacheValue: Any {
        switch self {
        case .text(let text): text
        case .flag(let flag): flag
        case .integer(let number): number
        case .real(let number): number
        case .list(let elements): elements.map(\.mustacheValue)
        case .object(let fields):
            Dictionary(fields.pairs.map { ($0.key, $0.value.mustacheValue) }) { first, _ in first }
        case .absent: Absent()
        case .utf8(let bytes): String(decoding: bytes, as: UTF8.self)
        }
    }
}

/// An object's fields in the order they were encoded. A view has a few
/// dozen at most, so finding one by comparing names is as quick as hashing
/// it, and making the list needs no hashing at all.
struct ViewFields: Sendable, ExpressibleByDictionaryLiteral {
    var pairs: [(key: String, value: ViewValue)] = []
    /// A key and its value made by the `sorted` transform of an object.
    var isPair = false

    init() {}

    init(dictionaryLiteral elements: (String, ViewValue)...) {
        pairs = elements.map { (key: $0.0, value: $0.1) }
    }

    init(_ pairs: [(key: String, value: ViewValue)], isPair: Bool = false) {
        self.pairs = pairs
        self.isPair = isPair
    }

    subscript(name: String) -> ViewValue? {
        for pair in pairs where pair.key == name { return pair.value }
        return nil
    }
}

enum TemplateValue {
    static func box(_ value: some Encodable) -> ViewValue {
        let slot = Slot()
        // The encoder below never throws.
        try? value.encode(to: BoxEncoder(slot: slot))
        return slot.finished
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

/// Where an encoder leaves what it made: a value, or the fields or elements
/// of a container still being filled.
private final class Slot {
    var value = ViewValue.absent
    var fields: ViewFields?
    var elements: [ViewValue]?

    var finished: ViewValue {
        if let fields { return .object(fields) }
        if let elements { return .list(elements) }
        return value
    }
}

private struct BoxEncoder: Encoder {
    let slot: Slot
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if slot.fields == nil { slot.fields = ViewFields() }
        return KeyedEncodingContainer(BoxKeyed<Key>(slot: slot))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if slot.elements == nil { slot.elements = [] }
        return BoxUnkeyed(slot: slot)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { BoxSingle(slot: slot) }
}

/// A value reaching a generic call: the common leaves found by comparing
/// types, which is cheaper than casting to them; anything else boxes itself.
private func boxed<Value: Encodable>(_ value: Value) -> ViewValue {
    if Value.self == String.self { return .text(unsafeBitCast(value, to: String.self)) }
    if Value.self == Int.self { return .integer(unsafeBitCast(value, to: Int.self)) }
    if Value.self == Bool.self { return .flag(unsafeBitCast(value, to: Bool.self)) }
    if Value.self == Double.self { return .real(unsafeBitCast(value, to: Double.self)) }
    return TemplateValue.box(value)
}

/// A value a single-value container is handed: other numbers box themselves
/// there by calling it again, so they are cast.
private func boxedSingle(_ value: some Encodable) -> ViewValue {
    switch value {
    case let number as any BinaryInteger: .integer(Int(truncatingIfNeeded: number))
    case let number as any BinaryFloatingPoint: .real(Double(number))
    default: boxed(value)
    }
}

private struct BoxKeyed<Key: CodingKey>: FlatKeyedContainer {
    let slot: Slot
    var codingPath: [any CodingKey] { [] }

    private func put(_ value: ViewValue, _ key: Key) { slot.fields?.pairs.append((key.stringValue, value)) }

    mutating func encodeNil(forKey key: Key) { put(.absent, key) }
    mutating func encode(_ value: String, forKey key: Key) { put(.text(value), key) }
    mutating func encode(_ value: Bool, forKey key: Key) { put(.flag(value), key) }
    mutating func encode(_ value: Int, forKey key: Key) { put(.integer(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) { put(.real(value), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) { put(boxed(value), key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) { put(value.map { .text($0) } ?? .absent, key) }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) { put(value.map { .flag($0) } ?? .absent, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) { put(value.map { .integer($0) } ?? .absent, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) { put(value.map { .real($0) } ?? .absent, key) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) {
        put(value.map { boxed($0) } ?? .absent, key)
    }
}

private struct BoxUnkeyed: FlatUnkeyedContainer {
    let slot: Slot
    var codingPath: [any CodingKey] { [] }
    var count: Int { slot.elements?.count ?? 0 }

    private func append(_ value: ViewValue) { slot.elements?.append(value) }

    mutating func encodeNil() { append(.absent) }
    mutating func encode(_ value: String) { append(.text(value)) }
    mutating func encode(_ value: Bool) { append(.flag(value)) }
    mutating func encode(_ value: Int) { append(.integer(value)) }
    mutating func encode(_ value: Double) { append(.real(value)) }
    mutating func encode<T: Encodable>(_ value: T) { append(boxed(value)) }
}

private struct BoxSingle: SingleValueEncodingContainer {
    let slot: Slot
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() { slot.value = .absent }
    mutating func encode(_ value: String) { slot.value = .text(value) }
    mutating func encode(_ value: Bool) { slot.value = .flag(value) }
    mutating func encode(_ value: Int) { slot.value = .integer(value) }
    mutating func encode(_ value: Double) { slot.value = .real(value) }
    mutating func encode<T: Encodable>(_ value: T) { slot.value = boxedSingle(value) }
}
