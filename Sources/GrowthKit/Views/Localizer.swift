/// Every label of the site, in every locale: one `switch`, so a label
/// missing in one language does not compile.
enum Label: Sendable, CaseIterable {
    case dashboard, classes, students, tutors, evaluation, forums, search, problems
    case schoolOverview, asOf, term, minorsNotice, audienceLeadership, audienceStaff, generatedBy
    case studentCount, tutorCount, classCount, recordCount, coverage, coverageHint, schoolCompliance
    case complianceByItem, complianceByClass, recordsPerWeek, overdueList, noOverdue, latestForum, noForum
    case student, tutor, schoolClass, item, daysSince, lastRecord, never, compliance, due, met
    case headTeacher, major, grade, keyStudent, partner, family, familyCircumstances, background
    case tutorHistory, from, confidential, confidentialHidden, mood, moodOverTime, areasCovered, followUps
    case openFollowUp, overdueFollowUp, doneFollowUp, action, dueDate, timeline, noRecords, duration, minutes
    case heatMap, week, recordsInWeek, role, subject, phone, studentsFollowed, recordsWritten, forumAttendance
    case score, rank, parts, partRecords, partParents, partStudents, partForums, commended, criticised
    case method, topic, host, attendees, cases, caseAnalysis, searchPlaceholder, searchHint, noResults
    case problemsIntro, severity, place, message, statusMet, statusDue, statusNotDue, yes, no
    case chartDataTable, value, count, notGraded, answers, total, printHint, skipToContent, nameColumn
    case moodSummaryNone, lessThanThree, surveys, respondent, contacted, comment, recordedOn, gradeLevel,
        smallCountsHint, familyNotes, date, error, warning, problemsBanner, record
    case terms, currentTerm, termComparison, meanScore, leftOn, joinedOn, keyTerms, review, effect, decision
    case betweenTerms, betweenTermsHint, notAtSchool, hiddenOverdueFollowUp, timeliness,
        problemHiddenForStaff, overdueItems, pastAllowed, overdueRule, attention, why, noAttention, minorsNoticeStaff,
        passedOver, exports, exportCompliance, exportComplianceCSV, exportEvaluation, exportEvaluationCSV, exportTerms,
        progress, closedPeriods, openPeriod, complianceVsOverdue, missingParents, missingStudents, missingForums,
        missingRecords, fewerParts, thisPeriod, cadenceColumn, statusColumn, markColumn
    case classTutors, classTutorsHint, studentsInClass, openFollowUps, tutorsWithoutStudents,
        tutorsWithoutStudentsHint, partnerHistory, partnerPairs, partnerPairsHint, partnerActivities, lastActivity,
        partnerCount, pairedDays, summaries, contactCheck, contactCheckHint, parentAnswers, byPhoneQuestionnaire,
        saidContacted, monthsWithVisit, visitDenied, contactDisagrees, surveyQuestions, surveyQuestionsHint
}

/// Labels, dates and numbers for one locale.
struct Localizer: Sendable {
    let locale: SiteLocale

    init(_ locale: SiteLocale) { self.locale = locale }

    /// The `lang` attribute of every page.
    var languageTag: String { locale == .zhCN ? "zh-CN" : "en" }

    subscript(_ label: Label) -> String {
        let (zh, en) = Self.text(label)
        return locale == .zhCN ? zh : en
    }

    /// Between the items of a short list: `、` or `, `.
    var listSeparator: String { locale == .zhCN ? "、" : ", " }

    /// `2025年9月1日` or `1 Sep 2025`.
    func date(_ day: Day) -> String {
        switch locale {
        case .zhCN: return "\(day.year)年\(day.month)月\(day.day)日"
        case .en: return "\(day.day) \(Self.months[day.month - 1]) \(day.year)"
        }
    }

    /// The days something held: `2025年9月1日–2026年1月16日`, `2025年9月1日起`,
    /// `至2026年1月16日` (or `1 Sep 2025 – 16 Jan 2026`, `from …`, `until …`).
    func span(_ from: Day?, _ to: Day?) -> String {
        let zh = locale == .zhCN
        switch (from, to) {
        case (let from?, let to?): return "\(date(from))–\(date(to))"
        case (let from?, nil): return zh ? "\(date(from))起" : "from \(date(from))"
        case (nil, let to?): return zh ? "至\(date(to))" : "until \(date(to))"
        case (nil, nil): return zh ? "入学起" : "since joining"
        }
    }

    /// `name（note）` or `name (note)`.
    func noted(_ text: String, _ note: String) -> String {
        locale == .zhCN ? "\(text)（\(note)）" : "\(text) (\(note))"
    }

    /// `9月1日` or `1 Sep`: for charts and tables within one term.
    func shortDate(_ day: Day) -> String {
        switch locale {
        case .zhCN: return "\(day.month)月\(day.day)日"
        case .en: return "\(day.day) \(Self.months[day.month - 1])"
        }
    }

    /// A fraction as a whole percentage, `83%`; `–` when absent.
    func percent(_ value: Double?) -> String {
        guard let value else { return "–" }
        return "\(Int((value * 100).rounded()))%"
    }

    /// A score with one decimal, `87.5`; `–` when absent.
    func score(_ value: Double?) -> String {
        guard let value else { return "–" }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }

    /// A count of days: `23天` or `23 days`.
    func days(_ n: Int) -> String { locale == .zhCN ? "\(n)天" : (n == 1 ? "1 day" : "\(n) days") }

    /// Whole numbers with grouping: `55,000`.
    func number(_ n: Int) -> String { NumberText.grouped(n) }

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    func recordType(_ type: RecordType) -> String {
        switch type {
        case .talk: locale == .zhCN ? "谈心谈话" : "Talk"
        case .report: locale == .zhCN ? "学生汇报" : "Student report"
        case .phoneVisit: locale == .zhCN ? "电话家访" : "Phone call home"
        case .homeVisit: locale == .zhCN ? "上门家访" : "Home visit"
        case .contact: locale == .zhCN ? "教师沟通" : "Teacher contact"
        case .observation: locale == .zhCN ? "日常观察" : "Observation"
        case .partner: locale == .zhCN ? "伙伴活动" : "Partner activity"
        case .review: locale == .zhCN ? "学期评价" : "Term review"
        }
    }

    func area(_ area: Area) -> String {
        let zh: String
        let en: String
        switch area {
        case .thought: (zh, en) = ("思想", "Outlook")
        case .study: (zh, en) = ("学业", "Study")
        case .psychology: (zh, en) = ("心理", "Wellbeing")
        case .behaviour: (zh, en) = ("行为", "Behaviour")
        case .life: (zh, en) = ("生活", "Daily life")
        case .health: (zh, en) = ("健康", "Health")
        case .family: (zh, en) = ("家庭", "Family")
        case .career: (zh, en) = ("生涯", "Career")
        }
        return locale == .zhCN ? zh : en
    }

    func role(_ role: TutorRole) -> String {
        switch role {
        case .teacher: locale == .zhCN ? "任课教师" : "Teacher"
        case .headTeacher: locale == .zhCN ? "班主任" : "Head teacher"
        case .leader: locale == .zhCN ? "学校领导" : "School leader"
        case .staff: locale == .zhCN ? "教职工" : "Staff"
        }
    }

    func family(_ structure: FamilyStructure) -> String {
        switch structure {
        case .twoParent: locale == .zhCN ? "双亲家庭" : "Two parents"
        case .singleParent: locale == .zhCN ? "单亲家庭" : "Single parent"
        case .reconstituted: locale == .zhCN ? "重组家庭" : "Stepfamily"
        case .grandparents: locale == .zhCN ? "隔代抚养" : "Raised by grandparents"
        case .disabledMember: locale == .zhCN ? "家有残疾成员" : "A family member with a disability"
        case .other: locale == .zhCN ? "其他" : "Other"
        }
    }

    func grade(_ grade: Grade?) -> String {
        switch grade {
        case .excellent: locale == .zhCN ? "优秀" : "Excellent"
        case .good: locale == .zhCN ? "良好" : "Good"
        case .pass: locale == .zhCN ? "合格" : "Pass"
        case .fail: locale == .zhCN ? "不合格" : "Fail"
        case nil: self[.notGraded]
        }
    }

    func respondent(_ respondent: Respondent) -> String {
        switch respondent {
        case .parent: locale == .zhCN ? "家长" : "Parent"
        case .student: locale == .zhCN ? "学生" : "Student"
        }
    }

    func decision(_ decision: ReviewDecision) -> String {
        switch decision {
        case .continue: locale == .zhCN ? "继续跟踪" : "continue tracking"
        case .change: locale == .zhCN ? "调整跟踪对象" : "change the focus"
        case .close: locale == .zhCN ? "结束跟踪" : "close tracking"
        }
    }

    func cadence(_ cadence: Cadence) -> String {
        switch (cadence, locale) {
        case (.weeks(let n), .zhCN): n == 1 ? "每周" : "每\(n)周"
        case (.weeks(let n), .en): n == 1 ? "every week" : "every \(n) weeks"
        case (.months(let n), .zhCN): n == 1 ? "每月" : "每\(n)个月"
        case (.months(let n), .en): n == 1 ? "every month" : "every \(n) months"
        case (.term, .zhCN): "每学期"
        case (.term, .en): "every term"
        }
    }
}
