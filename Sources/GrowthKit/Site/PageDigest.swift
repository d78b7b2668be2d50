/// What a page is made from, in 128 bits: its template's name, its frame and
/// its view as the templates see them. Given the same templates and the same
/// version of growth (which the build cache's key holds), the same digest
/// means the same bytes, so a build with `--cache` renders only the pages
/// whose digest changed. Stable across runs and machines: 128-bit FNV-1a
/// over a tagged, length-prefixed walk of the values in declaration order.
public struct PageDigest: Sendable, Hashable, CustomStringConvertible {
    let value: UInt128

    /// 32 hexadecimal digits.
    public var description: String {
        // Digit by digit: `String(_:radix:)` of a 128-bit number divides
        // it 32 times, and a cache's manifest holds thousands of digests.
        String(unsafeUninitializedCapacity: 32) { buffer in
            for index in 0..<32 {
                let digit = UInt8(truncatingIfNeeded: value >> (124 - 4 * index)) & 0xF
                buffer[index] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
            }
            return 32
        }
    }

    public init?(_ hex: String) {
        guard hex.utf8.count == 32, let value = UInt128(hex, radix: 16) else { return nil }
        self.value = value
    }

    init(value: UInt128) { self.value = value }

    /// The digest of a page's template, frame and view.
    init(_ page: Page) {
        let sink = DigestSink()
        // The encoders hold the sink unretained, so that copying a container
        // counts no reference: it lives until the walk is done.
        value = withExtendedLifetime(sink) {
            sink.hasher.add(page.template)
            sink.token(0x20, depth: 0)
            try? page.frame.encode(to: DigestEncoder(sink: sink, depth: 1))
            sink.token(0x21, depth: 0)
            try? page.view.encode(to: DigestEncoder(sink: sink, depth: 1))
            return sink.hasher.state
        }
    }
}

/// 128-bit FNV-1a; its users tag and length-prefix what they feed it, so
/// that `["a", "b"]` and `["ab"]` differ.
struct StableHasher {
    private(set) var state: UInt128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d
    private static let prime: UInt128 = 0x0000_0000_0100_0000_0000_0000_0000_013B

    mutating func add(bytes: UnsafeRawBufferPointer) {
        var state = self.state
        for byte in bytes {
            state ^= UInt128(byte)
            state = state &* Self.prime
        }
        self.state = state
    }

    mutating func add(byte: UInt8) {
        state ^= UInt128(byte)
        state = state &* Self.prime
    }

    /// A whole number, negative ones too, as its 64 bits.
    mutating func add(count: Int) { add(word: UInt64(bitPattern: Int64(count))) }

    mutating func add(word: UInt64) {
        withUnsafeBytes(of: word.littleEndian) { add(bytes: $0) }
    }

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            add(count: buffer.count)
            add(bytes: UnsafeRawBufferPointer(buffer))
        }
    }
}

/// Feeds a view, through its synthesized `Encodable`, to a `StableHasher`:
/// each key and element a token tagged with its depth, then its value, in
/// the order the properties are declared. With the depth the stream is
/// unambiguous: `{a: {b: 1}, c: 2}` and `{a: {b: 1, c: 2}}` differ.
private final class DigestSink {
    var hasher = StableHasher()

    func token(_ tag: UInt8, depth: Int) {
        hasher.add(byte: tag)
        hasher.add(count: depth)
    }

    func key(_ key: some CodingKey, depth: Int) {
        token(0x01, depth: depth)
        hasher.add(key.stringValue)
    }

    func text(_ text: String) {
        hasher.add(byte: 0x02)
        hasher.add(text)
    }

    func flag(_ flag: Bool) { hasher.add(byte: flag ? 0x03 : 0x04) }

    func number(_ number: Int) {
        hasher.add(byte: 0x05)
        // A negative number (or a word of a `DeferredList`'s inputs) is a number too.
        hasher.add(count: number)
    }

    func number(_ number: Double) {
        hasher.add(byte: 0x06)
        hasher.add(word: number.bitPattern)
    }

    func absent() { hasher.add(byte: 0x07) }

    /// A value reaching a generic call: the common leaves found by comparing
    /// types, which is cheaper than casting to them; anything else encodes itself.
    func value<Value: Encodable>(_ value: Value, depth: Int) {
        if Value.self == String.self { return text(unsafeBitCast(value, to: String.self)) }
        if Value.self == Int.self { return number(unsafeBitCast(value, to: Int.self)) }
        if Value.self == Bool.self { return flag(unsafeBitCast(value, to: Bool.self)) }
        if Value.self == Double.self { return number(unsafeBitCast(value, to: Double.self)) }
        try? value.encode(to: DigestEncoder(sink: self, depth: depth))
    }

    /// A value a single-value container is handed: other numbers encode
    /// themselves there by calling it again, so they are cast.
    func single<Value: Encodable>(_ value: Value, depth: Int) {
        if let number = value as? any BinaryInteger { return self.number(Int(truncatingIfNeeded: number)) }
        if let number = value as? any BinaryFloatingPoint { return self.number(Double(number)) }
        self.value(value, depth: depth)
    }
}

private struct DigestEncoder: Encoder {
    unowned(unsafe) let sink: DigestSink
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [.digestsInputs: true] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        sink.token(0x10, depth: depth)
        return KeyedEncodingContainer(DigestKeyed<Key>(sink: sink, depth: depth))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        sink.token(0x11, depth: depth)
        return DigestUnkeyed(sink: sink, depth: depth)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { DigestSingle(sink: sink, depth: depth) }
}

private struct DigestKeyed<Key: CodingKey>: FlatKeyedContainer {
    unowned(unsafe) let sink: DigestSink
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) {
        sink.key(key, depth: depth)
        sink.absent()
    }
    mutating func encode(_ value: String, forKey key: Key) {
        sink.key(key, depth: depth)
        sink.text(value)
    }
    mutating func encode(_ value: Bool, forKey key: Key) {
        sink.key(key, depth: depth)
        sink.flag(value)
    }
    mutating func encode(_ value: Int, forKey key: Key) {
        sink.key(key, depth: depth)
        sink.number(value)
    }
    mutating func encode(_ value: Double, forKey key: Key) {
        sink.key(key, depth: depth)
        sink.number(value)
    }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) {
        sink.key(key, depth: depth)
        sink.value(value, depth: depth + 1)
    }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) {
        sink.key(key, depth: depth)
        if let value { sink.text(value) } else { sink.absent() }
    }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) {
        sink.key(key, depth: depth)
        if let value { sink.number(value) } else { sink.absent() }
    }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) {
        sink.key(key, depth: depth)
        if let value { sink.flag(value) } else { sink.absent() }
    }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) {
        sink.key(key, depth: depth)
        if let value { sink.number(value) } else { sink.absent() }
    }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) {
        sink.key(key, depth: depth)
        if let value { sink.value(value, depth: depth + 1) } else { sink.absent() }
    }
}

private struct DigestUnkeyed: FlatUnkeyedContainer {
    unowned(unsafe) let sink: DigestSink
    let depth: Int
    var codingPath: [any CodingKey] { [] }
    private(set) var count = 0

    private mutating func element() {
        sink.token(0x12, depth: depth)
        count += 1
    }

    mutating func encodeNil() {
        element()
        sink.absent()
    }
    mutating func encode(_ value: String) {
        element()
        sink.text(value)
    }
    mutating func encode(_ value: Bool) {
        element()
        sink.flag(value)
    }
    mutating func encode(_ value: Int) {
        element()
        sink.number(value)
    }
    mutating func encode(_ value: Double) {
        element()
        sink.number(value)
    }
    mutating func encode<T: Encodable>(_ value: T) {
        element()
        sink.value(value, depth: depth + 1)
    }
}

private struct DigestSingle: SingleValueEncodingContainer {
    unowned(unsafe) let sink: DigestSink
    let depth: Int
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() { sink.absent() }
    mutating func encode(_ value: String) { sink.text(value) }
    mutating func encode(_ value: Bool) { sink.flag(value) }
    mutating func encode(_ value: Int) { sink.number(value) }
    mutating func encode(_ value: Double) { sink.number(value) }
    mutating func encode<T: Encodable>(_ value: T) { sink.single(value, depth: depth) }
}
