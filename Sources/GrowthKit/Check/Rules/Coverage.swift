extension CrossFileRules {
    /// Every staff member is a tutor (seed 002): one who has not left and
    /// follows no student on the as-of date is named.
    mutating func checkCoverage(tutors: [Tutor], students: [Student]) {
        guard let day = dates?.asOf else { return }
        let following = Set(students.compactMap { $0.tutor(on: day) })
        for tutor in tutors where !following.contains(tutor.id) && (tutor.left.map { day <= $0 } ?? true) {
            warning(
                .tutorWithoutStudents, at: tutor.source,
                "\(tutor.id) follows no student on \(day): every staff member is a tutor; "
                    + "give them students with `tutor: \(tutor.id)` (or `left:` if they have left)")
        }
    }
}
