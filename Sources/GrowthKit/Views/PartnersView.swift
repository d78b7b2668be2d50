/// The growth partners of a class (seed 000): each pair, when it holds, and
/// what the tutors recorded of it this term.
typealias PartnersView = TableSectionView<PartnerRowView>

struct PartnerRowView: Sendable, Hashable, Encodable {
    var first: LinkView
    var second: LinkView
    var span: String
    var activities: String
    var last: String
}

extension PageBuilder {
    /// The term's pairs with a student in `classID`; nil when there are none.
    func partners(ofClass classID: String, root: String) -> PartnersView? {
        let pairs = term.pairs.filter {
            students[$0.first]?.classID == classID || students[$0.second]?.classID == classID
        }
        guard !pairs.isEmpty else { return nil }
        return PartnersView(
            heading: "\(text[.partnerPairs]) (\(pairs.count))", hint: text[.partnerPairsHint],
            headers: [
                text[.student], text[.partner], text[.pairedDays], text[.partnerActivities], text[.lastActivity],
            ],
            rows: pairs.map { pair in
                PartnerRowView(
                    first: studentLink(pair.first, root: root), second: studentLink(pair.second, root: root),
                    span: text.span(pair.from, pair.to), activities: "\(pair.activities.count)",
                    last: pair.activities.last.map(text.shortDate) ?? "–")
            })
    }
}
