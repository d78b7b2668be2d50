import Foundation

/// Reads `school.yml`.
enum SettingsParser {
    static func parse(_ fields: YAMLFields) -> Parsed<SchoolSettings>? {
        let file = fields.file
        fields.rejectUnknownKeys(
            [
                "name", "locale", "timezone", "term", "terms", "policy", "evaluation", "late_entries_from", "attention",
                "survey",
            ],
            in: "school.yml")
        let name = fields.string("name", required: true, what: "the school's name")
        let locale = fields.choice("locale", as: SiteLocale.self) ?? .zhCN
        var timezone = "Asia/Shanghai"
        if let zone = fields.string("timezone", what: "a time zone such as Asia/Shanghai") {
            if TimeZone(identifier: zone) == nil {
                file.error(
                    .invalidValue, at: fields.valueLocation("timezone"),
                    "`timezone: \(zone)` is not a known time zone, e.g. Asia/Shanghai")
            } else {
                timezone = zone
            }
        }
        let terms = TermsParser.parse(fields)
        let policyFields = fields.fields("policy", what: "a mapping of policy items")
        let policy = policyFields.map { parsePolicy($0, in: "the policy") } ?? Policy()
        let evaluation =
            fields.fields("evaluation", what: "a mapping with weights, grades and commend_top").map(parseEvaluation)
            ?? EvaluationSettings()
        let lateEntriesFrom = fields.day("late_entries_from")
        let attention = parseAttention(fields)
        let questions = parseSurveyQuestions(fields)
        guard let name, let terms, !terms.isEmpty else { return nil }
        var locations = ["terms": fields.keyLocation(fields.has("terms") ? "terms" : "term")]
        if let policyFields {
            locations["max_students_per_tutor"] = policyFields.valueLocation("max_students_per_tutor")
        }
        return Parsed(
            value: SchoolSettings(
                name: name, locale: locale, timezone: timezone, terms: terms, policy: policy, evaluation: evaluation,
                lateEntriesFrom: lateEntriesFrom, attention: attention, surveyQuestions: questions),
            fieldLocations: locations)
    }

    /// `attention: { mood_drop: 2, readings: 3, low_mood: 2 }`.
    static func parseAttention(_ fields: YAMLFields) -> AttentionRule {
        var attention = AttentionRule()
        if let rule = fields.fields("attention", what: "`{ mood_drop: 2, readings: 3, low_mood: 2 }`") {
            rule.rejectUnknownKeys(["mood_drop", "readings", "low_mood"], in: "attention")
            attention.moodDrop = rule.int("mood_drop", in: 1...4, what: "points of mood, 1 to 4") ?? 2
            attention.readings = rule.int("readings", in: 2...20, what: "a number of mood readings, 2 to 20") ?? 3
            attention.lowMood = rule.int("low_mood", in: 1...5, what: "a mood from 1 to 5") ?? 2
        }
        return attention
    }

    /// `survey: { questions: { care: 关心学生, … } }`: the question columns a survey may have.
    static func parseSurveyQuestions(_ fields: YAMLFields) -> [SurveyQuestion] {
        var questions: [SurveyQuestion] = []
        if let survey = fields.fields("survey", what: "`{ questions: { care: 关心学生, … } }`") {
            survey.rejectUnknownKeys(["questions"], in: "survey")
            if let list = survey.fields("questions", what: "a mapping of column name to the question's label") {
                for key in list.keys {
                    if SurveyParser.header.contains(key) || key == "method" || !ContentLayout.isValidID(key) {
                        fields.file.error(
                            .invalidValue, at: list.keyLocation(key),
                            "`\(key)` cannot name a question: use lower-case letters, digits, `-` and `_`, and not a column the survey already has"
                        )
                        continue
                    }
                    questions.append(
                        SurveyQuestion(id: key, label: list.string(key, what: "the question's label") ?? key))
                }
            }
        }
        return questions
    }

    static func parsePolicy(_ fields: YAMLFields, in context: String) -> Policy {
        let items = RecordType.allCases.map(\.rawValue) + ["forum"]
        fields.rejectUnknownKeys(
            Set(
                items + [
                    "applies_to", "max_students_per_tutor", "grace_days", "late_after_days", "confidential_by_default",
                ]),
            in: context)
        var policy = Policy()
        policy.appliesTo = fields.choice("applies_to", as: PolicyScope.self) ?? .all
        policy.maxStudentsPerTutor = fields.int(
            "max_students_per_tutor", in: 1...1000, what: "a whole number of students, at least 1")
        policy.graceDays = fields.int("grace_days", in: 0...365, what: "a whole number of days, 0 or more") ?? 0
        policy.lateAfterDays =
            fields.int("late_after_days", in: 0...365, what: "a whole number of days, 0 or more") ?? 7
        for type in RecordType.allCases {
            policy.records[type] = cadence(fields, type.rawValue)
        }
        if fields.has("confidential_by_default") {
            policy.confidentialByDefault = []
            for (text, location) in fields.stringList("confidential_by_default", what: "a record type") {
                guard let type = RecordType(rawValue: text) else {
                    fields.file.error(
                        .unknownRecordType, at: location,
                        "`\(text)` is not a record type; use \(RecordType.allCases.map(\.rawValue).joined(separator: ", "))"
                    )
                    continue
                }
                policy.confidentialByDefault.insert(type)
            }
        }
        policy.forum = cadence(fields, "forum")
        return policy
    }

    /// `item: { every: 2 weeks }` (or the short `item: 2 weeks`).
    static func cadence(_ fields: YAMLFields, _ key: String) -> Cadence? {
        let text: String?
        let location: SourceLocation
        if let item = fields.node(key), item.pairs != nil, let nested = fields.fields(key, what: "") {
            nested.rejectUnknownKeys(["every"], in: "a policy item")
            text = nested.string(
                "every", required: true, what: "a cadence such as `1 week`, `2 weeks`, `1 month` or `1 term`")
            location = nested.valueLocation("every")
        } else {
            text = fields.string(key, what: "`{ every: 2 weeks }`")
            location = fields.valueLocation(key)
        }
        guard let text else { return nil }
        guard let cadence = Cadence(text) else {
            fields.file.error(
                .badCadence, at: location,
                "`\(text)` is not a cadence: write `N week(s)` (1 to \(Cadence.maxWeeks)), `N month(s)` (1 to \(Cadence.maxMonths)) or `1 term`"
            )
            return nil
        }
        return cadence
    }

    static func parseEvaluation(_ fields: YAMLFields) -> EvaluationSettings {
        fields.rejectUnknownKeys(["weights", "grades", "commend_top", "commend_with_overdue"], in: "the evaluation")
        var evaluation = EvaluationSettings()
        if let weights = fields.fields("weights", what: "`{ records: 0.5, parents: 0.2, students: 0.2, forums: 0.1 }`")
        {
            weights.rejectUnknownKeys(["records", "parents", "students", "forums", "timeliness"], in: "the weights")
            let what = "a weight, a number 0 or more"
            evaluation.weights = .init(
                records: weights.number("records", what: what) ?? 0,
                parents: weights.number("parents", what: what) ?? 0,
                students: weights.number("students", what: what) ?? 0,
                forums: weights.number("forums", what: what) ?? 0,
                timeliness: weights.number("timeliness", what: what) ?? 0)
            let w = evaluation.weights
            if w.records + w.parents + w.students + w.forums + w.timeliness <= 0 {
                fields.file.error(.invalidValue, at: weights.location, "the weights must not all be 0")
                evaluation.weights = .init()
            }
        }
        if let grades = fields.fields("grades", what: "`{ excellent: 90, good: 75, pass: 60 }`") {
            grades.rejectUnknownKeys(["excellent", "good", "pass"], in: "the grades")
            let what = "a score from 0 to 100"
            let bands = EvaluationSettings.GradeBands(
                excellent: grades.number("excellent", what: what) ?? 90, good: grades.number("good", what: what) ?? 75,
                pass: grades.number("pass", what: what) ?? 60)
            if bands.excellent >= bands.good, bands.good >= bands.pass, bands.excellent <= 100 {
                evaluation.grades = bands
            } else {
                fields.file.error(
                    .invalidValue, at: grades.location, "the grades must go excellent ≥ good ≥ pass, each from 0 to 100"
                )
            }
        }
        evaluation.commendTop = fields.int("commend_top", in: 0...1000, what: "a whole number, 0 or more") ?? 3
        evaluation.commendWithOverdue = fields.bool("commend_with_overdue") ?? false
        return evaluation
    }
}
