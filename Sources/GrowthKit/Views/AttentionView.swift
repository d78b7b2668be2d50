/// Students who need attention now (issue: the principal's phone): a fall in
/// mood, a low mood, or an overdue follow-up, by thresholds in `school.yml`.
struct AttentionView: Sendable, Encodable {
    var heading: String
    /// The rule, stated on the page.
    var rule: String
    var headers: [String]
    var rows: [AttentionRowView]
    var none: String
}

/// One student who needs attention, and why.
struct AttentionRowView: Sendable, Hashable, Encodable {
    var student: LinkView
    var schoolClass: LinkView
    var tutor: LinkView?
    var reasons: [String]
}

/// Finds the students who need attention now.
struct AttentionPanel: PageBuilder {
    let context: PageContext
    let trajectories: [String: GrowthTrajectory]
    let rule: AttentionRule

    /// The panel for `students` (the school's or a class's), by the rule of
    /// `attention:` in `school.yml`, from what this audience may read.
    /// Only the running term's pages have it: it is about now, and an ended
    /// term's pages must not change.
    func view(of students: [Student], root: String) -> AttentionView? {
        guard isCurrentTerm else { return nil }
        let zh = text.locale == .zhCN
        var rows: [AttentionRowView] = []
        for student in students {
            guard let trajectory = trajectories[student.id] else { continue }
            var reasons: [String] = []
            let moods = trajectory.moods.filter { term.term.contains($0.date) && $0.date <= asOf }.suffix(rule.readings)
            if let first = moods.first, let last = moods.last, moods.count >= 2, first.mood - last.mood >= rule.moodDrop
            {
                reasons.append(
                    zh
                        ? "状态从\(first.mood)降到\(last.mood)（\(text.shortDate(first.date))–\(text.shortDate(last.date))）"
                        : "mood fell from \(first.mood) to \(last.mood) (\(text.shortDate(first.date))–\(text.shortDate(last.date)))"
                )
            }
            if let last = moods.last, last.mood <= rule.lowMood {
                reasons.append(
                    zh
                        ? "最近一次状态\(last.mood)（\(text.shortDate(last.date))）"
                        : "latest mood \(last.mood) (\(text.shortDate(last.date)))")
            }
            let overdue = trajectory.followUps.filter { $0.isOverdue && !$0.action.isEmpty }
            if !overdue.isEmpty {
                reasons.append(
                    zh
                        ? "\(overdue.count)项跟进事项已逾期：\(overdue[0].action)"
                        : "\(overdue.count) overdue follow-up\(overdue.count == 1 ? "" : "s"): \(overdue[0].action)")
            }
            guard !reasons.isEmpty else { continue }
            rows.append(
                AttentionRowView(
                    student: studentLink(student.id, root: root), schoolClass: classLink(student.classID, root: root),
                    tutor: tutorLink(student.tutor(on: asOf), root: root), reasons: reasons))
        }
        return AttentionView(
            heading: "\(text[.attention]) (\(rows.count))",
            rule: zh
                ? "列出：最近\(rule.readings)次记录中状态下降\(rule.moodDrop)分及以上、最近一次状态在\(rule.lowMood)分及以下、或有跟进事项已逾期的学生（阈值在 school.yml 的 attention 中设置）。"
                : "Listed: a fall in mood of \(rule.moodDrop) or more over the last \(rule.readings) readings, a latest mood of \(rule.lowMood) or lower, or an overdue follow-up (thresholds under attention in school.yml).",
            headers: [text[.student], text[.schoolClass], text[.tutor], text[.why]], rows: rows,
            none: text[.noAttention])
    }
}
