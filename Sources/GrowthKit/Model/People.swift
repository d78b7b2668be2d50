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
    public var phone: Confidential<String>
    /// The tutor's last day at the school, if they have left: no student is
    /// theirs after it.
    public var left: Day?
    public var bio: MarkdownBody
    public var source: SourceLocation

    public init(
        id: String, name: String, role: TutorRole, subject: String? = nil, phone: String? = nil, left: Day? = nil,
        bio: MarkdownBody = .empty, source: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.subject = subject
        self.phone = Confidential(phone)
        self.left = left
        self.bio = bio
        self.source = source
    }
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
    /// nil for `tutor:`, which holds from the student's first day.
    public var from: Day?
    /// The last day the assignment can hold: the tutor's `left` day, set when
    /// the model is built; nil while the tutor stays.
    public var until: Day?

    public init(tutor: String, from: Day?, until: Day? = nil) {
        self.tutor = tutor
        self.from = from
        self.until = until
    }

    /// Whether the assignment has begun by `day` (the next one may have taken over).
    func hasBegun(by day: Day) -> Bool { from.map { $0 <= day } ?? true }
}

/// A growth partner (成长伙伴, seed 000): another student paired with this
/// one from a day to a day.
public struct Partnership: Sendable, Hashable {
    /// The partner's student id.
    public var student: String
    /// nil: from the student's first day.
    public var from: Day?
    /// The last day of the pairing; nil while it lasts.
    public var to: Day?

    public init(student: String, from: Day? = nil, to: Day? = nil) {
        self.student = student
        self.from = from
        self.to = to
    }

    public func holds(on day: Day) -> Bool {
        (from.map { $0 <= day } ?? true) && (to.map { day <= $0 } ?? true)
    }
}

/// In which terms a student is a key (focus) student (SPEC §7).
public enum KeyTerms: Sendable, Hashable {
    case none
    /// `key: true`: in every term.
    case every
    /// `key: [2025-1, 2025-2]`.
    case terms(Set<String>)

    public func contains(_ termID: String) -> Bool {
        switch self {
        case .none: false
        case .every: true
        case .terms(let ids): ids.contains(termID)
        }
    }
}

/// How a student's family is made up.
public enum FamilyStructure: String, Sendable, Hashable, CaseIterable {
    case twoParent = "two-parent"
    case singleParent = "single-parent"
    case reconstituted
    case grandparents
    /// A parent or sibling with a disability.
    case disabledMember = "disabled-member"
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
    /// Tutors in order of their `from` day.
    public var tutors: [TutorAssignment]
    /// Growth partners in order of their `from` day.
    public var partners: [Partnership]
    /// The terms in which the student is a key student.
    public var key: KeyTerms
    /// The first day at the school; nil: from before the first term.
    public var joined: Day?
    /// The last day at the school, if the student has left.
    public var left: Day?
    public var family: Confidential<FamilyCircumstances>
    public var background: Confidential<MarkdownBody>
    public var source: SourceLocation

    public init(
        id: String, name: String, classID: String, tutors: [TutorAssignment], partners: [Partnership] = [],
        key: KeyTerms = .none, joined: Day? = nil, left: Day? = nil, family: FamilyCircumstances? = nil,
        background: MarkdownBody = .empty, source: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.classID = classID
        self.tutors = tutors
        self.partners = partners
        self.key = key
        self.joined = joined
        self.left = left
        self.family = Confidential(family)
        self.background = Confidential(background.isEmpty ? nil : background)
        self.source = source
    }

    /// The growth partner on `day`, if any.
    public func partner(on day: Day) -> String? {
        partners.last { $0.holds(on: day) }?.student
    }

    /// Whether the student is a key student in `term`.
    public func isKey(in term: Term) -> Bool { key.contains(term.id) }

    /// Whether the student is at the school on `day`.
    public func isPresent(on day: Day) -> Bool {
        (joined.map { $0 <= day } ?? true) && (left.map { day <= $0 } ?? true)
    }

    /// Whether the student is at the school on some day of `term`.
    public func isPresent(during term: Term) -> Bool {
        (joined.map { $0 <= term.end } ?? true) && (left.map { term.start <= $0 } ?? true)
    }

    /// The assignment in force on `day`, if any: none before the student
    /// joins, after they leave, or after their tutor has left.
    public func assignment(on day: Day) -> TutorAssignment? {
        guard isPresent(on: day), let assignment = tutors.last(where: { $0.hasBegun(by: day) }) else { return nil }
        if let until = assignment.until, until < day { return nil }
        return assignment
    }

    /// The tutor following the student on `day`, if any.
    public func tutor(on day: Day) -> String? {
        assignment(on: day)?.tutor
    }

    /// The first day the student had this assignment's tutor.
    public func firstDay(of assignment: TutorAssignment) -> Day? {
        [assignment.from, joined].compactMap { $0 }.max()
    }

    /// The first and last day the assignment at `index` of `tutors` holds:
    /// from its `from` (or the student's first day) to the day before the
    /// next one begins, the tutor's `left` or the student's; nil is open.
    public func days(ofAssignment index: Int) -> (first: Day?, last: Day?) {
        let assignment = tutors[index]
        let next = index + 1 < tutors.count ? tutors[index + 1].from : nil
        return (firstDay(of: assignment), [next?.adding(days: -1), assignment.until, left].compactMap { $0 }.min())
    }
}
