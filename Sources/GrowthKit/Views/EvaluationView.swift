/// A tutor in the ranking.
struct RankingRowView: Sendable, Hashable, Encodable {
    var rank: String
    var tutor: LinkView
    var score: String
    var grade: String
    var gradeKind: String
    var parts: [String]
    var answers: String
    var isCommended: Bool
    var isCriticised: Bool
    var commendedLabel: String
    var criticisedLabel: String
    /// Why a tutor among the best is not commended.
    var note: String?
    /// Which parts are missing and why, when the score stands on fewer.
    var missing: String?
}

/// A tutor's parent answers on contact beside the tutor's own visit records.
struct ContactRowView: Sendable, Hashable, Encodable {
    var tutor: LinkView
    var cells: [String]
    /// Set when the records say contacted and most of those parents say not.
    var flag: String?
}

/// A table of per-tutor figures under its own heading.
typealias TutorTableView = TableSectionView<ContactRowView>

/// The school evaluation (`evaluation/index.html`).
struct EvaluationView: Sendable, Encodable {
    var heading: String
    var headers: [String]
    var rows: [RankingRowView]
    var commendedHeading: String
    var commended: [LinkView]
    var criticisedHeading: String
    var criticised: [LinkView]
    var none: String
    var methodHeading: String
    var method: [String]
    var chart: ChartView
    /// Supervision: what parents say of contact against the tutors' records.
    var contact: TutorTableView?
    /// The mean answer per survey question of school.yml, per tutor.
    var questions: TutorTableView?
}

/// Makes the evaluation page of the shown term.
struct EvaluationPage: PageBuilder {
    let context: PageContext
    /// The questions of `school.yml`'s `survey:`, for the table of means.
    let questions: [SurveyQuestion]

    /// `截至统计日没有家长问卷；得分只基于部分项目（3/4）`, or nil when every weighed part is there.
    func missingParts(_ tutor: TutorEvaluation, _ settings: EvaluationSettings) -> String? {
        let w = settings.weights
        let parts: [(Double?, Double, Label)] = [
            (tutor.parts.records, w.records, .missingRecords), (tutor.parts.parents, w.parents, .missingParents),
            (tutor.parts.students, w.students, .missingStudents), (tutor.parts.forums, w.forums, .missingForums),
        ]
        // A part the term's rules do not ask for is not missing.
        let weighed = parts.filter { $0.1 > 0 && ($0.2 != .missingForums || term.policy.forum != nil) }
        let missing = weighed.filter { $0.0 == nil }
        guard !missing.isEmpty, tutor.score != nil else { return nil }
        let reasons = missing.map { text[$0.2] }.joined(separator: text.locale == .zhCN ? "；" : "; ")
        return
            "\(reasons)\(text.locale == .zhCN ? "；" : "; ")\(text[.fewerParts]) (\(weighed.count - missing.count)/\(weighed.count))"
    }

    /// Per tutor with parent answers: how many say they were contacted, and
    /// how many of the months with a recorded visit the parents deny.
    func contactTable(root: String) -> TutorTableView? {
        let rows = term.evaluation.tutors.filter { $0.contact.answers > 0 }.sorted { $0.tutorID < $1.tutorID }
            .compactMap { tutor -> ContactRowView? in
                let c = tutor.contact
                guard let link = tutorLink(tutor.tutorID, root: root) else { return nil }
                return ContactRowView(
                    tutor: link,
                    cells: [
                        "\(c.answers)", "\(c.byPhone)/\(c.byQuestionnaire)",
                        text.noted("\(c.saidContacted)", text.percent(c.saidContactedShare)), "\(c.recorded)",
                        "\(c.recordedButDenied)",
                    ],
                    flag: c.disagrees ? text[.contactDisagrees] : nil)
            }
        guard !rows.isEmpty else { return nil }
        return TutorTableView(
            heading: text[.contactCheck], hint: text[.contactCheckHint],
            headers: [
                text[.tutor], text[.parentAnswers], text[.byPhoneQuestionnaire], text[.saidContacted],
                text[.monthsWithVisit], text[.visitDenied],
            ], rows: rows)
    }

    /// The mean answer to each of school.yml's survey questions, per tutor.
    func questionTable(root: String) -> TutorTableView? {
        let tutorsWithAnswers = term.evaluation.tutors.filter { !$0.questionMeans.isEmpty }.sorted {
            $0.tutorID < $1.tutorID
        }
        guard !questions.isEmpty, !tutorsWithAnswers.isEmpty else { return nil }
        return TutorTableView(
            heading: text[.surveyQuestions], hint: text[.surveyQuestionsHint],
            headers: [text[.tutor]] + questions.map(\.label),
            rows: tutorsWithAnswers.compactMap { tutor in
                tutorLink(tutor.tutorID, root: root).map { link in
                    ContactRowView(
                        tutor: link,
                        cells: questions.map { question in
                            tutor.questionMeans[question.id].map { String(format: "%.1f", $0) } ?? "–"
                        }, flag: nil)
                }
            })
    }

    /// How the scores are made, in the school's words and weights.
    func methodText(_ settings: EvaluationSettings, timed: Bool) -> [String] {
        let w = settings.weights
        let g = settings.grades
        let zh = text.locale == .zhCN
        let pct = { (x: Double) in "\(Int((x * 100).rounded()))%" }
        var method =
            zh
            ? [
                "每位导师的得分由四部分组成：记录落实（所带学生各项工作落实率的平均值 × 100，占 \(pct(w.records))）、家长评价（家长问卷平均分，1–5 分折算为 0–100，占 \(pct(w.parents))）、学生评价（学生问卷平均分，同样折算，占 \(pct(w.students))）、论坛出勤（导师论坛出勤率 × 100，占 \(pct(w.forums))）。",
                "某部分没有数据时（例如没有收到问卷）不计入，其余部分的权重按比例放大，合计仍为 100%。",
                "得分 \(text.score(g.excellent)) 及以上为优秀，\(text.score(g.good)) 及以上为良好，\(text.score(g.pass)) 及以上为合格，以下为不合格。",
                "表扬得分最高、等级为良好及以上的前 \(settings.commendTop) 位导师；得分相同时，记录落实分高者在前，再相同时所写记录多者在前。等级为不合格的导师全部通报。",
                "学期内更换导师的学生，每个周期算在该周期最后一天的导师名下；问卷算在答卷当天的导师名下。",
            ]
            : [
                "Each tutor's score has four parts: records (the mean compliance of the tutor's students × 100, weight \(pct(w.records))), parents (the mean parent survey score, 1–5 mapped to 0–100, weight \(pct(w.parents))), students (the mean student survey score, mapped the same way, weight \(pct(w.students))) and forums (tutor forum attendance × 100, weight \(pct(w.forums))).",
                "A part without data (no survey answers, say) is left out and the other weights are scaled up to sum to 100%.",
                "A score of \(text.score(g.excellent)) or more is excellent, \(text.score(g.good)) or more good, \(text.score(g.pass)) or more pass, anything lower fail.",
                "The best \(settings.commendTop) tutors graded good or better are commended; on equal scores the higher records part ranks first, then the tutor who wrote more records. Every tutor graded fail is named for improvement.",
                "When a student changes tutor during the term, each period counts for the tutor on its last day; a survey answer counts for the tutor on the day it was given.",
            ]
        if timed || w.timeliness > 0 {
            let days = term.policy.lateAfterDays
            method.append(
                zh
                    ? "按时记录：导师本学期的记录中，在记录日期后 \(days) 天内提交到仓库的比例 × 100（按 git 中首次提交的日期），占 \(pct(w.timeliness))。"
                    : "On time: the share of the tutor's records of the term first committed within \(days) days of their date × 100 (from the git history), weight \(pct(w.timeliness))."
            )
        }
        return method
    }

    func page() -> Page {
        let depth = depth(1)
        let root = String(repeating: "../", count: depth)
        let evaluation = term.evaluation
        let settings = term.evaluationSettings
        // Timeliness is shown once the git history judged some record.
        let timed = evaluation.tutors.contains { $0.parts.timeliness != nil }
        let rows = evaluation.tutors.map { tutor in
            RankingRowView(
                rank: tutor.rank.map(String.init) ?? "–", tutor: tutorLink(tutor.tutorID, root: root)!,
                score: text.score(tutor.score), grade: text.grade(tutor.grade),
                gradeKind: tutor.grade?.rawValue ?? "none",
                parts: ([tutor.parts.records, tutor.parts.parents, tutor.parts.students, tutor.parts.forums]
                    + (timed ? [tutor.parts.timeliness] : [])).map(text.score),
                answers: "\(tutor.parentAnswers + tutor.studentAnswers)", isCommended: tutor.isCommended,
                isCriticised: tutor.isCriticised, commendedLabel: text[.commended], criticisedLabel: text[.criticised],
                note: tutor.passedOverForOverdue ? text[.passedOver] : nil, missing: missingParts(tutor, settings))
        }
        let method = methodText(settings, timed: timed)
        let zh = text.locale == .zhCN
        let scored = evaluation.tutors.filter { $0.score != nil }
        let chart = ChartView(
            id: "scores", title: text[.score],
            svg: Chart.bars(
                id: "scores", title: text[.score],
                scored.map {
                    Chart.Bar(
                        label: tutors[$0.tutorID]?.name ?? $0.tutorID, fraction: $0.score.map { $0 / 100 },
                        text: "\(text.score($0.score)) \(text.grade($0.grade))")
                }),
            summary: scored.map { "\(tutors[$0.tutorID]?.name ?? $0.tutorID) \(text.score($0.score))" }.joined(
                separator: zh ? "，" : ", "),
            headers: [text[.tutor], text[.score], text[.gradeLevel]],
            rows: scored.map {
                TableRow(cells: [tutors[$0.tutorID]?.name ?? $0.tutorID, text.score($0.score), text.grade($0.grade)])
            }, tableLabel: text[.chartDataTable])
        let view = EvaluationView(
            heading: text[.evaluation],
            headers: [
                text[.rank], text[.tutor], text[.score], text[.gradeLevel], text[.partRecords], text[.partParents],
                text[.partStudents], text[.partForums],
            ] + (timed ? [text[.timeliness]] : []) + [text[.answers], text[.markColumn]],
            rows: rows, commendedHeading: text[.commended],
            commended: evaluation.commended.compactMap { tutorLink($0, root: root) },
            criticisedHeading: text[.criticised],
            criticised: evaluation.criticised.compactMap { tutorLink($0, root: root) }, none: "–",
            methodHeading: text[.method], method: method, chart: chart, contact: contactTable(root: root),
            questions: questionTable(root: root))
        return Page(
            path: termPath(PagePath.evaluation), template: "evaluation",
            frame: frame(title: text[.evaluation], depth: depth, current: .evaluation), view: view)
    }
}
