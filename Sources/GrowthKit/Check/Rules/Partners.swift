extension CrossFileRules {
    /// A `partner` record is of a pair: the student must have a growth
    /// partner on its day, on either side's list.
    mutating func checkPartnerRecords(_ records: [Record], students: [Student]) {
        let partnerRecords = records.filter { $0.type == .partner }
        guard !partnerRecords.isEmpty else { return }
        var pairings: [String: [Partnership]] = [:]
        for student in students {
            for pairing in student.partners {
                pairings[student.id, default: []].append(pairing)
                var other = pairing
                other.student = student.id
                pairings[pairing.student, default: []].append(other)
            }
        }
        for record in partnerRecords
        where !(pairings[record.studentID] ?? []).contains(where: { $0.holds(on: record.date) }) {
            warning(
                .noPartner, at: record.source,
                "\(record.studentID) had no growth partner on \(record.date): add one to `partners` in "
                    + "students/\(record.studentID)/index.md; the activity counts for no pair")
        }
    }
}
