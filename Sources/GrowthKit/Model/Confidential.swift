/// A value leadership may read and staff may not (docs/privacy.md): a phone
/// number, a family's circumstances, a background, a case analysis, a
/// survey comment.
///
/// Reading it takes a `Clearance`. Only the audience stage hands one out to
/// the pages, and the staff projection removes the value itself, so a new
/// field declared `Confidential` cannot reach a staff page by omission: no
/// view can read it without asking, and a staff model holds none
/// (`ConfidentialityTests` walks it).
public struct Confidential<Value: Sendable & Hashable>: Sendable, Hashable, ConfidentialField {
    private var stored: Value?

    public init(_ value: Value?) { stored = value }

    public static var none: Confidential { Confidential(nil) }

    /// The value, for a reader cleared to see it.
    public func read(_ clearance: Clearance) -> Value? { clearance.mayRead ? stored : nil }

    /// Whether a value is held: what the staff projection always leaves false.
    var holdsValue: Bool { stored != nil }
}

/// A value every reader may read unless its author marks it confidential:
/// what a record or a tutor's summary says (`confidential: true`, or the
/// policy's default for home and phone visits). It is read with a
/// `Clearance` like `Confidential`, and the staff projection removes the
/// value of a marked one, so a field added to what a record says is as
/// private as the rest of it without anyone naming it.
///
/// The value is kept in a shared, immutable box: a record is copied many
/// times on its way to the pages (grouped per student, per tutor, per term),
/// and one reference is cheaper to copy than every string of what it says.
public struct Guarded<Value: Sendable & Hashable>: Sendable, Hashable, ConfidentialField {
    private var stored: Box<Value>?
    public private(set) var isConfidential: Bool

    init(_ value: Value, confidential: Bool) {
        stored = Box(value)
        isConfidential = confidential
    }

    /// The value, for every reader of an open one and a cleared reader of a marked one.
    public func read(_ clearance: Clearance) -> Value? { isConfidential && !clearance.mayRead ? nil : stored?.value }

    /// The checks apply the policy's default where the file says nothing.
    mutating func mark(confidential: Bool) { isConfidential = confidential }

    /// What a reader who may not read confidential values keeps: an open
    /// value whole, of a marked one only that it is confidential.
    var sealed: Guarded {
        var sealed = self
        if isConfidential { sealed.stored = nil }
        return sealed
    }

    /// Whether a confidential value is held: what the staff projection always leaves false.
    var holdsValue: Bool { isConfidential && stored != nil }
}

/// An immutable value behind one reference, compared by its value.
final class Box<Value: Sendable & Hashable>: Sendable, Hashable {
    let value: Value

    init(_ value: Value) { self.value = value }

    static func == (a: Box, b: Box) -> Bool { a === b || a.value == b.value }

    func hash(into hasher: inout Hasher) { hasher.combine(value) }
}

/// Marks confidential fields for the test that walks a staff model.
protocol ConfidentialField {
    var holdsValue: Bool { get }
}

/// The right to read `Confidential` values.
public struct Clearance: Sendable, Hashable {
    let mayRead: Bool

    /// Made by `AudienceFilter.clearance(for:)` for the pages, and as
    /// `counting` for aggregates that count values without showing one.
    init(mayRead: Bool) { self.mayRead = mayRead }

    /// For the aggregates: family structures are counted per class and school,
    /// and counts are not confidential (below 3 shows as `<3`).
    static let counting = Clearance(mayRead: true)

    /// For the checks, which read what a record says to validate it (a
    /// duplicate's text, a review's decision); no page is made from them.
    static let checking = Clearance(mayRead: true)

    /// For the parse store (`--cache`), which keeps the parsed files whole,
    /// as the content folder holds them, for the next run to read back; no
    /// page is made from them.
    static let storing = Clearance(mayRead: true)
}
