/// One example of each file a school writes, for `growth init`: a class, a
/// tutor and a summary, two students who are growth partners, a record of
/// each type and a forum, all dated in the
/// example term and not after today, so the new repository checks clean.
enum ExampleContent {
    static func files(term: Term, today: Day, zh: Bool, preset: Preset) -> [String: String] {
        let year = term.start.year
        let classID = "\(year)-class-1"
        let student = "\(year)001"
        let partner = "\(year)002"
        // Dates from a week ago up to today, never before the term.
        func day(_ back: Int) -> String { max(term.start, today.adding(days: -back)).iso }
        var files: [String: String] = [
            "classes/\(classID).md": """
            ---
            name: \(zh ? "\(year)级1班" : "Class 1 of \(year)")
            grade: \(zh ? "\(year)级" : "\(year)")
            head_teacher: t-example
            ---

            \(zh ? "（班级情况：专业、人数、本学期的工作重点。）" : "(About the class: its major, its size, this term's focus.)")

            """,
            "tutors/t-example.md": """
            ---
            name: \(zh ? "示例老师" : "Example Teacher")
            role: head-teacher
            subject: \(zh ? "语文" : "Chinese")
            ---

            \(zh ? "（导师简介。把这个文件复制一份、改名为导师编号，就是一位新导师。）" : "(The tutor's introduction. Copy this file under a new tutor id for each tutor.)")

            """,
            "students/\(student)/index.md": """
            ---
            name: \(zh ? "示例学生" : "Example Student")
            class: \(classID)
            tutor: t-example
            partner: "\(partner)"
            \(preset == .keyStudents ? "key: true" : "# key: true")
            family:
              structure: two-parent
              notes: \(zh ? "（家庭情况，保密）" : "(family circumstances, confidential)")
            ---

            \(zh ? "（成长背景，保密：只给学校领导看。）" : "(The student's background, confidential: leadership only.)")

            """,
            "students/\(partner)/index.md": """
            ---
            name: \(zh ? "示例同学" : "Example Classmate")
            class: \(classID)
            tutor: t-example
            partner: "\(student)"
            ---

            """,
            "tutors/t-example/\(day(0))-summary.md": """
            ---
            title: \(zh ? "开学第一周的体会" : "What the first week taught me")
            ---

            \(zh ? "（导师的工作总结：做法、体会、经验。全体教职工可读；写 `confidential: true` 则只给学校领导看。）" : "(The tutor's summary of the work: what was done, what was learned. All staff may read it; `confidential: true` keeps it for leadership.)")

            """,
            "forums/\(day(1))-example.md": """
            ---
            topic: \(zh ? "开学以来的学生情况" : "How the students have started the term")
            host: t-example
            attendees: [t-example]
            cases: ["\(student)"]
            ---

            \(zh ? "（个案分析，保密。）" : "(The case analysis, confidential.)")

            """,
        ]
        let bodies: [RecordType: (String, String)] = [
            .talk: ("开学第一次谈心，聊了新班级和学习打算。", "A first talk of the term, about the new class and plans."),
            .report: ("学生汇报：适应了住校生活，数学有点吃力。", "The student's report: settled in, finds maths hard."),
            .phoneVisit: (
                "给家长打电话，介绍了导师制，约好每月通一次电话。", "Called the parents, explained the tutor system, agreed a monthly call."
            ),
            .homeVisit: ("上门家访，见了父母，了解了家里的安排。", "Visited the family at home and met both parents."),
            .contact: ("和数学老师沟通了作业情况。", "Talked with the maths teacher about homework."),
            .observation: ("课间看到他主动帮同学搬东西。", "Saw the student help a classmate carry things."),
            .review: ("本学期适应良好，下学期继续关注数学。", "A good term; keep an eye on maths next term."),
            .partner: ("和成长伙伴一起整理了错题本，互相讲题。", "Went over mistakes in maths with the growth partner."),
        ]
        for (index, type) in RecordType.allCases.enumerated() {
            let (chinese, english) = bodies[type]!
            var header = "tutor: t-example\nmood: 4"
            if type == .review { header += "\neffect: 4" }
            files["students/\(student)/\(day(RecordType.allCases.count - 1 - index))-\(type.rawValue).md"] =
                "---\n\(header)\n---\n\n\(zh ? chinese : english)\n"
        }
        return files
    }
}
