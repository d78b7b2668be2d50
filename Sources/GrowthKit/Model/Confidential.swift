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
}
