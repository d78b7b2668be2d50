extension CrossFileRules {
    /// A tutor may follow at most `max_students_per_tutor` students at once.
    mutating func checkCapacity(tutors: [Parsed<Tutor>], students: [Student]) {
        guard let limit = settings?.policy.maxStudentsPerTutor else { return }
        // For each tutor, when each student starts and stops being theirs:
        // from the assignment's first day to the day after its last, which
        // the next assignment, the student's leaving or the tutor's ends.
        // A nil day is "from before the first term": before every other day.
        var changes: [String: [(day: Int?, delta: Int, student: String)]] = [:]
        for student in students {
            for (index, assignment) in student.tutors.enumerated() {
                let days = student.days(ofAssignment: index)
                let start = days.first?.ordinal
                let end = days.last?.adding(days: 1).ordinal
                if let end, let start, end <= start { continue }
                changes[assignment.tutor, default: []].append((start, 1, student.id))
                if let end { changes[assignment.tutor, default: []].append((end, -1, student.id)) }
            }
        }
        let limitAt = parsedSettings?.fieldLocations["max_students_per_tutor"].map { " (school.yml:\($0.line))" } ?? ""
        for tutor in tutors {
            guard let events = changes[tutor.value.id] else { continue }
            var current: Set<String> = []
            var worst: Set<String> = []
            let order = events.sorted { a, b in
                guard a.day != b.day else { return a.delta < b.delta }
                guard let first = a.day else { return true }
                return b.day.map { first < $0 } ?? false
            }
            for event in order {
                if event.delta > 0 { current.insert(event.student) } else { current.remove(event.student) }
                if current.count > worst.count { worst = current }
            }
            if worst.count > limit {
                error(
                    .tutorOverCapacity, at: tutor.value.source,
                    "\(tutor.value.id) follows \(worst.count) students at once, more than max_students_per_tutor \(limit)\(limitAt): \(worst.sorted().joined(separator: ", "))"
                )
            }
        }
    }
}
