/// The built-in body skeletons of `growth new`, per record type and locale:
/// headings a tutor fills in, so a record says what a school asks of it.
enum Skeleton {
    static func body(_ type: RecordType, _ locale: SiteLocale) -> String {
        let zh = locale == .zhCN
        let sections: [String]
        switch type {
        case .talk:
            sections =
                zh
                ? ["谈话主题", "学生说了什么", "给予的引导", "后续跟进"]
                : ["Topic", "What the student said", "Guidance given", "Follow-up"]
        case .report:
            sections =
                zh
                ? ["学习情况", "生活情况", "近期打算", "导师点评"]
                : ["Study", "Life", "Plans", "Tutor's comment"]
        case .phoneVisit, .homeVisit:
            sections =
                zh
                ? ["参与人员", "沟通内容", "家长关心的问题", "后续跟进"]
                : ["Who was there", "What was discussed", "The family's concerns", "Follow-up"]
        case .contact:
            sections = zh ? ["沟通对象", "沟通内容", "后续跟进"] : ["Who", "What was discussed", "Follow-up"]
        case .observation:
            sections = zh ? ["看到的情况", "我的想法"] : ["What I noticed", "What I think"]
        case .partner:
            sections =
                zh
                ? ["结对的同学", "一起做了什么", "互相帮助的情况", "导师点评"]
                : ["The pair", "What they did together", "How they helped each other", "Tutor's comment"]
        case .review:
            sections =
                zh
                ? ["引导效果", "有效的做法", "不足与调整", "跟踪决定"]
                : ["Effect of the guidance", "What worked", "What did not", "Decision"]
        }
        let hint = zh ? "（请填写）" : "(write here)"
        return sections.map { "## \($0)\n\n\(hint)\n" }.joined(separator: "\n")
    }

    /// The front matter of a new record: the tutor filled in, the optional
    /// keys the type uses commented, each with what it takes.
    /// `hidden`: the school's policy makes the type confidential by default.
    static func frontMatter(
        _ type: RecordType, tutor: String?, _ locale: SiteLocale, hidden: Bool
    ) -> [String] {
        let zh = locale == .zhCN
        var lines: [String] = []
        if let tutor {
            lines.append("tutor: \(tutor)")
        } else {
            lines.append(
                zh
                    ? "# tutor: <导师编号>      # 这一天学生没有导师：请写上记录人"
                    : "# tutor: <tutor id>   # the student had no tutor that day: say who wrote it")
        }
        if type == .review {
            lines.append(
                zh
                    ? "effect: 3                # 1–5：本学期的引导效果"
                    : "effect: 3                # 1–5: the guidance effect this term")
            lines.append(
                zh
                    ? "# decision: continue     # 重点学生下学期：continue 继续跟踪、change 调整对象、close 结束跟踪"
                    : "# decision: continue     # a key student next term: continue, change or close")
        }
        lines.append(
            zh
                ? "# mood: 3                # 1–5：你对学生状态的判断"
                : "# mood: 3                # 1–5: your reading of the student's state")
        lines.append(
            zh
                ? "# areas: [study]         # thought 思想, study 学业, psychology 心理, behaviour 行为, life 生活, health 健康, family 家庭, career 生涯"
                : "# areas: [study]         # thought, study, psychology, behaviour, life, health, family, career")
        if type != .review && type != .observation {
            lines.append(zh ? "# duration: 30           # 分钟" : "# duration: 30           # minutes")
        }
        if hidden {
            lines.append(
                zh
                    ? "# confidential: false    # 这类记录默认保密（只给学校领导看）；写 false 则全体教职工可读"
                    : "# confidential: false    # this kind is confidential by default (leadership only); false lets all staff read it"
            )
        } else {
            lines.append(
                zh
                    ? "# confidential: true     # 保密：正文只给学校领导看"
                    : "# confidential: true     # the text is for leadership only")
        }
        if type != .review {
            lines.append(
                zh ? "# follow_up:              # 需要跟进的事项" : "# follow_up:              # what you will do next")
            lines.append(
                zh
                    ? "#   - { action: 与班主任沟通, due: YYYY-MM-DD, done: false }"
                    : "#   - { action: talk to the head teacher, due: YYYY-MM-DD, done: false }")
        }
        return lines
    }
}
