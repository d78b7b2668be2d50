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
        let scratch = Scratch()
        // The slots hold the scratch: let go of them, or neither is freed.
        defer { scratch.slots.removeAll() }
        return box(value, scratch: scratch)
    }

    /// `value` boxed with the fields and elements of its containers gathered
    /// on `scratch`, which the whole tree shares, and its slot used again
    /// when nothing else holds it.
    fileprivate static func box(_ value: some Encodable, scratch: Scratch) -> ViewValue {
        var slot = scratch.slots.popLast() ?? Slot(scratch: scratch)
        // The encoder below never throws.
        try? value.encode(to: BoxEncoder(slot: slot))
        let boxed = slot.finished
        if isKnownUniquelyReferenced(&slot) {
            slot.clear()
            scratch.slots.append(slot)
        }
        return boxed
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

/// Where the containers of one tree gather their fields and elements while
/// they are filled: a stack, since a value nested in a container is boxed
/// whole before the container takes it. Each container's run is moved off
/// it once, at its full count, so no array of a tree grows by doubling
/// (that was a ninth of a build's allocations).
private final class Scratch {
    let pairs = Stack<(key: String, value: ViewValue)>()
    let elements = Stack<ViewValue>()
    /// Slots done with, for the next values of the tree (one allocation
    /// less for each object and list).
    @exclusivity(unchecked) var slots: [Slot] = []
}

/// A stack that hands its top run over as an array by moving it: no copy
/// of a value, no retain and release of what it holds.
///
/// One encoder's alone, never shared between threads.
private final class Stack<Element> {
    private var base = UnsafeMutablePointer<Element>.allocate(capacity: 64)
    private var capacity = 64
    private(set) var count = 0

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    func append(_ element: Element) {
        if count == capacity {
            let grown = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
            grown.moveInitialize(from: base, count: count)
            base.deallocate()
            base = grown
            capacity *= 2
        }
        (base + count).initialize(to: element)
        count += 1
    }

    /// The elements from `start` to the top, taken off the stack.
    func popRun(from start: Int) -> [Element] {
        let run = count - start
        count = start
        return [Element](unsafeUninitializedCapacity: run) { buffer, initialized in
            buffer.baseAddress?.moveInitialize(from: base + start, count: run)
            initialized = run
        }
    }
}

/// Where an encoder leaves what it made: a value, or where on the scratch
/// the fields or elements of its container start.
///
/// One encoder's alone, never shared between threads and never reached
/// through two accesses at once: its fields skip the runtime's exclusivity
/// checks, a tenth of boxing a view.
private final class Slot {
    let scratch: Scratch
    @exclusivity(unchecked) var value = ViewValue.absent
    @exclusivity(unchecked) var fieldsStart: Int?
    @exclusivity(unchecked) var elementsStart: Int?

    init(scratch: Scratch) { self.scratch = scratch }

    func clear() {
        value = .absent
        fieldsStart = nil
        elementsStart = nil
    }

    var finished: ViewValue {
        if let start = fieldsStart { return .object(ViewFields(scratch.pairs.popRun(from: start))) }
        if let start = elementsStart { return .list(scratch.elements.popRun(from: start)) }
        return value
    }
}

private struct BoxEncoder: Encoder {
    let slot: Slot
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if slot.fieldsStart == nil { slot.fieldsStart = slot.scratch.pairs.count }
        return KeyedEncodingContainer(BoxKeyed<Key>(slot: slot))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if slot.elementsStart == nil { slot.elementsStart = slot.scratch.elements.count }
        return BoxUnkeyed(slot: slot)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { BoxSingle(slot: slot) }
}

/// A value reaching a generic call: the common leaves found by comparing
/// types, which is cheaper than casting to them; anything else boxes itself.
private func boxed<Value: Encodable>(_ value: Value, _ scratch: Scratch) -> ViewValue {
    if Value.self == String.self { return .text(unsafeBitCast(value, to: String.self)) }
    if Value.self == Int.self { return .integer(unsafeBitCast(value, to: Int.self)) }
    if Value.self == Bool.self { return .flag(unsafeBitCast(value, to: Bool.self)) }
    if Value.self == Double.self { return .real(unsafeBitCast(value, to: Double.self)) }
    return TemplateValue.box(value, scratch: scratch)
}

/// A value a single-value container is handed: other numbers box themselves
/// there by calling it again, so they are cast.
private func boxedSingle(_ value: some Encodable, _ scratch: Scratch) -> ViewValue {
    switch value {
    case let number as any BinaryInteger: .integer(Int(truncatingIfNeeded: number))
    case let number as any BinaryFloatingPoint: .real(Double(number))
    default: boxed(value, scratch)
    }
}

private struct BoxKeyed<Key: CodingKey>: FlatKeyedContainer {
    let slot: Slot
    var codingPath: [any CodingKey] { [] }

    private func put(_ value: ViewValue, _ key: Key) { slot.scratch.pairs.append((key.stringValue, value)) }

    mutating func encodeNil(forKey key: Key) { put(.absent, key) }
    mutating func encode(_ value: String, forKey key: Key) { put(.text(value), key) }
    mutating func encode(_ value: Bool, forKey key: Key) { put(.flag(value), key) }
    mutating func encode(_ value: Int, forKey key: Key) { put(.integer(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) { put(.real(value), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) { put(boxed(value, slot.scratch), key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) { put(value.map { .text($0) } ?? .absent, key) }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) { put(value.map { .flag($0) } ?? .absent, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) { put(value.map { .integer($0) } ?? .absent, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) { put(value.map { .real($0) } ?? .absent, key) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) {
        put(value.map { boxed($0, slot.scratch) } ?? .absent, key)
    }
}

private struct BoxUnkeyed: FlatUnkeyedContainer {
    let slot: Slot
    var codingPath: [any CodingKey] { [] }
    var count: Int { slot.scratch.elements.count - (slot.elementsStart ?? 0) }

    private func append(_ value: ViewValue) { slot.scratch.elements.append(value) }

    mutating func encodeNil() { append(.absent) }
    mutating func encode(_ value: String) { append(.text(value)) }
    mutating func encode(_ value: Bool) { append(.flag(value)) }
    mutating func encode(_ value: Int) { append(.integer(value)) }
    mutating func encode(_ value: Double) { append(.real(value)) }
    mutating func encode<T: Encodable>(_ value: T) { append(boxed(value, slot.scratch)) }
}

private struct BoxSingle: SingleValueEncodingContainer {
    let slot: Slot
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() { slot.value = .absent }
    mutating func encode(_ value: String) { slot.value = .text(value) }
    mutating func encode(_ value: Bool) { slot.value = .flag(value) }
    mutating func encode(_ value: Int) { slot.value = .integer(value) }
    mutating func encode(_ value: Double) { slot.value = .real(value) }
    mutating func encode<T: Encodable>(_ value: T) { slot.value = boxedSingle(value, slot.scratch) }
}
