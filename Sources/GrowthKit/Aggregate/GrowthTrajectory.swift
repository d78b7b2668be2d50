/// A follow-up action with the record it came from.
struct FollowUpItem: Sendable, Hashable {
    var action: String
    var due: Day?
    var done: Bool
    /// The record's id and date.
    var recordID: String
    var recorded: Day
    /// Open and its due date has passed the as-of date.
    var isOverdue: Bool
    /// Part of a confidential record: the staff audience does not see the action.
    var isConfidential: Bool
}

/// A point of the mood series.
struct MoodPoint: Sendable, Hashable {
    var date: Day
    var mood: Int
}

/// How many of a student's records touched an area.
struct AreaCount: Sendable, Hashable {
    var area: Area
    var count: Int
}

/// A student's growth over the term (SPEC §3): the data of the growth file.
struct GrowthTrajectory: Sendable, Hashable {
    var studentID: String
    /// The student's records, oldest first.
    var records: [Record]
    var moods: [MoodPoint]
    /// How many records touched each area, in the order areas are listed.
    var areas: [AreaCount]
    /// Every follow-up action, open (`done` false), overdue (`isOverdue`) or done.
    var followUps: [FollowUpItem]

    static func make(for student: Student, records: [Record], asOf: Day) -> GrowthTrajectory {
        let records = records.sorted { ($0.date, $0.type.rank, $0.id) < ($1.date, $1.type.rank, $1.id) }
        // What a record says, as far as this model holds it: a staff model
        // holds nothing of a confidential record's.
        let said = records.map { $0.content.read(.counting) }
        var counts: [Area: Int] = [:]
        for content in said { for area in Set(content?.areas ?? []) { counts[area, default: 0] += 1 } }
        let followUps = zip(records, said).flatMap { record, content in
            (content?.followUps ?? []).map { followUp in
                FollowUpItem(
                    action: followUp.action, due: followUp.due, done: followUp.done, recordID: record.id,
                    recorded: record.date, isOverdue: !followUp.done && (followUp.due.map { $0 < asOf } ?? false),
                    isConfidential: record.isConfidential)
            }
        }
        return GrowthTrajectory(
            studentID: student.id, records: records,
            moods: zip(records, said).compactMap { record, content in
                content?.mood.map { MoodPoint(date: record.date, mood: $0) }
            },
            areas: Area.allCases.compactMap { area in counts[area].map { AreaCount(area: area, count: $0) } },
            followUps: followUps)
    }
}
