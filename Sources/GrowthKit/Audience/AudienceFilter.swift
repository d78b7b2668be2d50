/// Removes what an audience may not read from the model and the aggregates,
/// before any view, template, chart, search index or export sees them: no
/// template can leak what the values no longer hold (SPEC §5).
enum AudienceFilter {
    /// The school and its aggregates as `audience` may read them.
    ///
    /// For `staff`: family circumstances, backgrounds, forum case analyses,
    /// survey comments and phone numbers are emptied, and a confidential
    /// record says no more than that it exists: its date, type and tutor stay
    /// (it still counts for compliance), its text, mood, areas, duration,
    /// review verdict, follow-ups and file-name slug go. The growth
    /// trajectories are made again from what is left, so no chart, area count
    /// or mood point can show what the record held.
    static func apply(
        _ audience: Audience, to school: School, _ aggregates: SchoolAggregates
    ) -> (School, SchoolAggregates) {
        guard audience == .staff else { return (school, aggregates) }
        var school = school
        var aggregates = aggregates
        for index in school.students.indices {
            school.students[index].family = .none
            school.students[index].background = .none
        }
        school.tutors = school.tutors.map { tutor in
            var tutor = tutor
            tutor.phone = .none
            return tutor
        }
        aggregates.hiddenOverdueFollowUps = hiddenOverdueFollowUps(school.records, aggregates)
        school.records = redact(school.records)
        school.forums = school.forums.map { forum in
            var forum = forum
            forum.analysis = .none
            return forum
        }
        school.summaries = redact(school.summaries)
        school.surveys = school.surveys.map { answer in
            var answer = answer
            answer.comment = .none
            return answer
        }
        let records = Dictionary(grouping: school.records.filter { $0.date <= aggregates.asOf }, by: \.studentID)
        for student in school.students {
            aggregates.trajectories[student.id] = GrowthTrajectory.make(
                for: student, records: records[student.id] ?? [], asOf: aggregates.asOf)
        }
        return (school, aggregates)
    }

    /// What the pages of `audience` may read of `Confidential` values.
    static func clearance(for audience: Audience) -> Clearance { Clearance(mayRead: audience == .leadership) }

    /// Per tutor, whether a follow-up of one of their confidential records is
    /// overdue: all the staff site may say of it (issue: ask the tutor).
    static func hiddenOverdueFollowUps(_ records: [Record], _ aggregates: SchoolAggregates) -> Set<String> {
        var tutors: Set<String> = []
        for record in records where record.isConfidential && record.date <= aggregates.asOf {
            guard let tutor = record.tutorID else { continue }
            let followUps = record.content.read(clearance(for: .leadership))?.followUps ?? []
            let overdue = followUps.contains { !$0.done && ($0.due.map { $0 < aggregates.asOf } ?? false) }
            if overdue { tutors.insert(tutor) }
        }
        return tutors
    }

    /// Confidential records reduced to their date, type and tutor. Their id
    /// (the file name, whose slug may say what the talk was about) becomes
    /// `<date>-<type>-confidential-<n>`, unique within the student's records.
    static func redact(_ records: [Record]) -> [Record] {
        var ids = NumberedIDs()
        return records.map { record in
            guard record.isConfidential else { return record }
            var sealed = record
            sealed.id = ids.next("\(record.studentID)/\(record.date.iso)-\(record.type.rawValue)-confidential")
            sealed.content = record.content.sealed
            sealed.written = nil
            sealed.source = SourceLocation(path: "students/\(record.studentID)/")
            return sealed
        }
    }

    /// Confidential summaries reduced to their date: no title, no text, an id
    /// `<tutor>/<date>-summary-confidential-<n>`.
    static func redact(_ summaries: [TutorSummary]) -> [TutorSummary] {
        var ids = NumberedIDs()
        return summaries.map { summary in
            guard summary.isConfidential else { return summary }
            var summary = summary
            summary.content = summary.content.sealed
            summary.id = ids.next("\(summary.tutorID)/\(summary.date.iso)-summary-confidential")
            return summary
        }
    }
}

/// `<stem>-1`, `<stem>-2`, …: ids that say nothing but stay unique.
struct NumberedIDs {
    private var taken: [String: Int] = [:]

    mutating func next(_ stem: String) -> String {
        taken[stem, default: 0] += 1
        return "\(stem)-\(taken[stem]!)"
    }
}
