/// Removes what an audience may not read from the model and the aggregates,
/// before any view, template, chart, search index or export sees them: no
/// template can leak what the values no longer hold (SPEC §5).
public enum AudienceFilter {
    /// The school and its aggregates as `audience` may read them.
    ///
    /// For `staff`: family circumstances, backgrounds, the bodies (and
    /// follow-up actions) of confidential records, forum case analyses,
    /// survey comments and phone numbers are emptied. Counts stay: a
    /// confidential record is still a record, with its date, type and tutor.
    public static func apply(
        _ audience: Audience, to school: School, _ aggregates: SchoolAggregates
    ) -> (School, SchoolAggregates) {
        guard audience == .staff else { return (school, aggregates) }
        var school = school
        var aggregates = aggregates
        for index in school.students.indices {
            school.students[index].family = nil
            school.students[index].background = .empty
        }
        school.tutors = school.tutors.map { tutor in
            var tutor = tutor
            tutor.phone = nil
            return tutor
        }
        school.records = school.records.map(redact)
        school.forums = school.forums.map { forum in
            var forum = forum
            forum.analysis = .empty
            return forum
        }
        school.surveys = school.surveys.map { answer in
            var answer = answer
            answer.comment = ""
            return answer
        }
        aggregates.trajectories = aggregates.trajectories.mapValues { trajectory in
            var trajectory = trajectory
            trajectory.records = trajectory.records.map(redact)
            trajectory.followUps = trajectory.followUps.map { item in
                var item = item
                if item.isConfidential { item.action = "" }
                return item
            }
            return trajectory
        }
        return (school, aggregates)
    }

    static func redact(_ record: Record) -> Record {
        guard record.isConfidential else { return record }
        var record = record
        record.body = .empty
        record.followUps = record.followUps.map { followUp in
            var followUp = followUp
            followUp.action = ""
            return followUp
        }
        return record
    }
}
