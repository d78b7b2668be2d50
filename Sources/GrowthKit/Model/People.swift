/// A tutor's role in the school.
public enum TutorRole: String, Sendable, Hashable, CaseIterable {
    case teacher
    case headTeacher = "head-teacher"
    case leader
    case staff
}

/// `tutors/<id>.md`: a teacher who tutors students.
public struct Tutor: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var role: TutorRole
    public var subject: String?
    /// Confidential.
    public var phone: String?
    public var bio: MarkdownBody
    public var source: SourceLocation
}

/// `classes/<id>.md`.
public struct SchoolClass: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var grade: String
    public var major: String?
    /// A tutor id.
    public var headTeacher: String?
    public var description: MarkdownBody
    public var source: SourceLocation
}

/// From a day on, a student is followed by this tutor.
public struct TutorAssignment: Sendable, Hashable {
    public var tutor: String
    public var from: Day

    public init(tutor: String, from: Day) {
        self.tutor = tutor
        self.from = from
    }
}

/// How a student's family is made up.
public enum FamilyStructure: String, Sendable, Hashable, CaseIterable {
    case twoParent = "two-parent"
    case singleParent = "single-parent"
    case reconstituted
    case grandparents
    case other
}

/// A student's family circumstances: always confidential.
public struct FamilyCircumstances: Sendable, Hashable {
    public var structure: FamilyStructure?
    public var notes: String?
}

/// `students/<id>/index.md`: the cover of a student's growth file.
public struct Student: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    /// A class id.
    public var classID: String
    /// Tutors in order of their `from` day; the first may start after the term does.
    public var tutors: [TutorAssignment]
    /// A growth partner's student id.
    public var partner: String?
    public var isKey: Bool
    public var family: FamilyCircumstances?
    /// Confidential.
    public var background: MarkdownBody
    public var source: SourceLocation

    /// The assignment in force on `day`, if any.
    public func assignment(on day: Day) -> TutorAssignment? {
        tutors.last { $0.from <= day }
    }

    /// The tutor following the student on `day`, if any.
    public func tutor(on day: Day) -> String? {
        assignment(on: day)?.tutor
    }
}
