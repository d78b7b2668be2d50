/// Who a build is for (SPEC §5): leadership reads everything, staff read
/// no confidential content.
public enum Audience: String, Sendable, CaseIterable {
    case leadership
    case staff
}
