import Foundation
import Testing

@testable import GrowthKit

/// The "needs attention" panel and the overdue list as a principal reads them.
@Suite struct AttentionTests {
    static func site() -> BuiltSite {
        var school = SchoolBuilder(records: [.talk: .weeks(2)])
        school.tutor("t-a")
        for id in ["s1", "s2", "s3", "s4"] { school.student(id) }
        // s1: mood 5, 4, 3 over the last three readings: a fall of two.
        for (date, mood) in [("2025-09-02", 5), ("2025-09-09", 4), ("2025-09-16", 3)] {
            school.record("s1", date, mood: mood)
        }
        // s2: a latest mood of 2.
        school.record("s2", "2025-09-10", mood: 4)
        school.record("s2", "2025-09-17", mood: 2)
        // s3: a follow-up due 09-15, not done.
        school.record(
            "s3", "2025-09-08", mood: 4,
            followUps: [FollowUp(action: "联系家长", due: day("2025-09-15"), done: false, source: .init(path: "x"))])
        // s4: steady and nothing open: not listed.
        for date in ["2025-09-03", "2025-09-10", "2025-09-17"] { school.record("s4", date, mood: 4) }
        return SiteBuilder.build(school: school.school, asOf: day("2025-09-20"))
    }

    @Test func theRuleListsAFallALowMoodAndAnOverdueFollowUpAndNoOneElse() throws {
        let site = Self.site()
        let dashboard = String(decoding: try #require(site.files["index.html"]), as: UTF8.self)
        #expect(dashboard.contains("<h2>需要关注的学生 (3)</h2>"))
        #expect(dashboard.contains("最近3次记录中状态下降2分及以上"))
        #expect(dashboard.contains("<li>状态从5降到3（9月2日–9月16日）</li>"))
        #expect(dashboard.contains("<li>最近一次状态2（9月17日）</li>"))
        #expect(dashboard.contains("<li>1项跟进事项已逾期：联系家长</li>"))
        #expect(
            !dashboard.contains(
                "students/s4/index.html\">s4</a></td><td><a href=\"classes/c1/index.html\">一班</a></td><td><a href=\"tutors/t-a/index.html\">t-a</a></td><td><ul class=\"items\">"
            ))
        let schoolClass = String(decoding: try #require(site.files["classes/c1/index.html"]), as: UTF8.self)
        #expect(schoolClass.contains("<h2>需要关注的学生 (3)</h2>"))
    }

    @Test func chartLabelsAreThinnedSoNoneOverlaps() {
        let labels = (1...15).map { (label: "\($0 * 7 % 28 + 1)月\($0)日", value: $0) }
        let svg = Chart.columns(id: "c", title: "t", labels)
        let drawn = svg.components(separatedBy: "text-anchor=\"middle\">").count - 1
        // 15 columns of about 39 px, labels of about 60 px: every second one.
        #expect(drawn == 8)
    }
}
