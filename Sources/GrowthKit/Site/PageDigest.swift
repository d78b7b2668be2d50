/// What a page is made from, in 128 bits: its template's name, its frame and
/// its view as the templates see them. Given the same templates and the same
/// version of growth (which the build cache's key holds), the same digest
/// means the same bytes, so a build with `--cache` renders only the pages
/// whose digest changed. Stable across runs and machines: 128-bit FNV-1a
/// over a tagged, length-prefixed walk with the keys of each level sorted.
public struct PageDigest: Sendable, Hashable, CustomStringConvertible {
    let value: UInt128

    /// 32 hexadecimal digits.
    public var description: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 32 - digits.count) + digits
    }

    public init?(_ hex: String) {
        guard hex.utf8.count == 32, let value = UInt128(hex, radix: 16) else { return nil }
        self.value = value
    }

    init(value: UInt128) { self.value = value }

    /// The digest of a page's template, frame and view, boxed.
    init(template: String, frame: Any, view: Any) {
        var hasher = StableHasher()
        hasher.add(template)
        hasher.add(value: frame)
        hasher.add(value: view)
        value = hasher.state
    }
}

/// 128-bit FNV-1a, fed with tagged values so that `["a", "b"]` and `["ab"]`
/// differ.
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

    mutating func add(count: Int) {
        withUnsafeBytes(of: UInt64(count).littleEndian) { add(bytes: $0) }
    }

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            add(count: buffer.count)
            add(bytes: UnsafeRawBufferPointer(buffer))
        }
    }

    /// A value as `TemplateValue.box` makes it: text, flags, numbers, lists,
    /// fields, `Absent`; anything else by its description.
    mutating func add(value: Any) {
        switch value {
        case let text as String:
            add(byte: 1)
            add(text)
        case let flag as Bool:
            add(byte: flag ? 2 : 3)
        case let number as Int:
            add(byte: 4)
            add(count: number)
        case let number as Double:
            add(byte: 5)
            withUnsafeBytes(of: number.bitPattern.littleEndian) { add(bytes: $0) }
        case is Absent:
            add(byte: 6)
        case let list as [Any]:
            add(byte: 7)
            add(count: list.count)
            for element in list { add(value: element) }
        case let fields as [String: Any]:
            add(byte: 8)
            add(count: fields.count)
            for key in fields.keys.sorted() {
                add(key)
                add(value: fields[key]!)
            }
        default:
            add(byte: 9)
            add(String(reflecting: type(of: value)))
            add(String(describing: value))
        }
    }
}
