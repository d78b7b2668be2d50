/// The version of growth: printed by `growth --version`, named by the release
/// binary, and pinned by a school's CI files.
public enum GrowthVersion {
    public static let current = "0.3.0"
}
