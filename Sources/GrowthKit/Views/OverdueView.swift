/// One student in an overdue list: every item they are behind on in one row,
/// so a principal reads it per student, worst first.
struct OverdueView: Sendable, Hashable, Encodable {
    var student: LinkView
    var schoolClass: LinkView
    var tutor: LinkView?
    /// `电话家访：距上次 137 天，允许 33 天，超出 104 天`.
    var items: [String]
    /// The most days past an allowed interval: what the list is sorted by.
    var worst: String
}

extension PageBuilder {
    var overdueHeaders: [String] {
        [text[.student], text[.schoolClass], text[.tutor], text[.overdueItems], text[.pastAllowed]]
    }

    /// Overdue items grouped per student; the report's order (worst first) is kept.
    func overdueRows(_ items: [OverdueItem], root: String) -> [OverdueView] {
        var order: [String] = []
        var byStudent: [String: [OverdueItem]] = [:]
        for item in items {
            if byStudent[item.studentID] == nil { order.append(item.studentID) }
            byStudent[item.studentID, default: []].append(item)
        }
        return order.compactMap { id in
            guard let student = students[id], let theirs = byStudent[id] else { return nil }
            let zh = text.locale == .zhCN
            return OverdueView(
                student: studentLink(student.id, root: root), schoolClass: classLink(student.classID, root: root),
                tutor: tutorLink(student.tutor(on: asOf), root: root),
                items: theirs.sorted { $0.item.rank < $1.item.rank }.map { item in
                    let type = text.recordType(item.item)
                    guard let last = item.lastRecord else {
                        return zh
                            ? "\(type)：从未记录，已\(item.days)天，允许\(item.allowed)天，超出\(item.excess)天"
                            : "\(type): never recorded, \(item.days) days, \(item.allowed) allowed, \(item.excess) over"
                    }
                    return zh
                        ? "\(type)：距上次\(item.days)天（\(text.shortDate(last))），允许\(item.allowed)天，超出\(item.excess)天"
                        : "\(type): \(item.days) days since the last (\(text.shortDate(last))), "
                            + "\(item.allowed) allowed, \(item.excess) over"
                },
                worst: text.days(theirs.map(\.excess).max() ?? 0))
        }
    }
}
