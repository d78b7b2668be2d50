/// The rules a new school starts from (`growth init --preset`).
public enum Preset: String, Sendable, CaseIterable {
    /// Seed 002: every teacher a tutor, every student followed closely.
    case wholeStaff = "whole-staff"
    /// Seed 000: tutors follow a few key students.
    case keyStudents = "key-students"

    /// The `policy:` block of `school.yml`, with a comment per line.
    func policy(_ zh: Bool) -> String {
        switch self {
        case .wholeStaff:
            return """
                policy:
                  applies_to: all              # \(zh ? "全体学生" : "every student")
                  talk:         { every: 1 week }     # \(zh ? "每周谈心谈话" : "a talk every week")
                  report:       { every: 2 weeks }    # \(zh ? "每两周学生汇报" : "a student report every two weeks")
                  phone-visit:  { every: 1 month }    # \(zh ? "每月电话家访" : "a phone call home every month")
                  home-visit:   { every: 1 term }     # \(zh ? "每学期上门家访" : "a home visit every term")
                  forum:        { every: 1 month }    # \(zh ? "每月导师论坛" : "the tutor forum every month")
                  max_students_per_tutor: 8
                  grace_days: 3
                """
        case .keyStudents:
            return """
                policy:
                  applies_to: key              # \(zh ? "只要求重点关注学生" : "key students only")
                  talk:         { every: 1 month }    # \(zh ? "每月谈心谈话" : "a talk every month")
                  report:       { every: 1 week }     # \(zh ? "每周学生汇报" : "a student report every week")
                  phone-visit:  { every: 1 month }
                  home-visit:   { every: 1 term }
                  review:       { every: 1 term }     # \(zh ? "学期末评价引导效果，决定是否调整跟踪对象" : "a term review: keep, change or close tracking")
                  forum:        { every: 1 month }
                  max_students_per_tutor: 2
                  grace_days: 3
                """
        }
    }
}
