extension CrossFileRules {
    mutating func buildStudents(_ parsedStudents: [Parsed<Student>]) -> [Student] {
        parsedStudents.compactMap { parsed in
            var student = parsed.value
            let unknown = unresolved(parsed.references)
            if unknown.contains("class:" + student.classID) { return nil }
            student.partners.removeAll {
                unknown.contains("partner:" + $0.student) || unknown.contains("partners:" + $0.student)
            }
            student.tutors.removeAll { unknown.contains("tutor:" + $0.tutor) || unknown.contains("tutors:" + $0.tutor) }
            if parsed.value.tutors.isEmpty {
                error(.noTutor, at: student.source, "the student has no tutor: add `tutor: <tutor id>`")
            }
            for (previous, next) in zip(student.tutors, student.tutors.dropFirst()) where previous.tutor == next.tutor {
                error(
                    .duplicateID, at: parsed.fieldLocations["tutor"] ?? student.source,
                    "`\(next.tutor)` follows itself in `tutors`; list each change once")
            }
            return student
        }
    }
}
