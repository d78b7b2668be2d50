/// Numbers as the site and the reports print them.
enum NumberText {
    /// `1,990`: thousands grouped with commas, in every locale.
    static func grouped(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(character)
        }
        return (n < 0 ? "-" : "") + out
    }
}
