import Foundation
import Testing

@testable import GrowthKit

/// What a page says must be true at a glance: the period still open beside
/// the closed-period figure, what each figure counts, and why a score stands
/// on fewer parts. `Fixtures/terms` as of 2025-12-10, in its second term.
@Suite struct ProgressTests {
    let site: BuiltSite
    let aggregates: SchoolAggregates

    init() async throws {
        let checked = await TestContent.check(TestContent.fixture("terms"), asOf: day("2025-12-10"))
        let school = try #require(checked.school)
        site = SiteBuilder.build(school: school, asOf: day("2025-12-10"))
        aggregates = SchoolAggregates(school: school, asOf: day("2025-12-10"))
    }

    func page(_ path: String) throws -> String {
        String(decoding: try #require(site.files[path]), as: UTF8.self)
    }

    @Test func theOpenPeriodAndTheTermSoFarStandBesideTheClosedFigure() throws {
        // The week of 12-08 is open; the term review is open all term. s1, s3 and s4 have a tutor.
        let s1 = try #require(aggregates.current.compliance(ofStudent: "s1"))
        #expect(s1.open[.talk]?.period == Period(start: day("2025-12-08"), end: day("2025-12-14")))
        #expect(s1.open[.talk]?.done == false)
        #expect(s1.open[.talk]?.daysSince == 15)  // the last talk was 11-25
        let dashboard = try page("index.html")
        #expect(dashboard.contains("<tr><td>谈心谈话</td><td>每周</td><td>7/18</td><td>39%</td><td>本期已做 0/3</td></tr>"))
        #expect(dashboard.contains("<tr><td>学期评价</td><td>每学期</td><td>0/0</td><td>–</td><td>本学期已做 0/3</td></tr>"))
        #expect(dashboard.contains("落实率只看已经结束的周期"))
        let growth = try page("students/s1/index.html")
        #expect(growth.contains("<td>本期尚未 · 距上次15天</td>"))
        #expect(try page("students/s3/index.html").contains("<td>本期尚未 · 本学期未记录</td>"))
        #expect(try page("classes/c1/index.html").contains("<td>本期已做 0/3</td>"))
        #expect(try page("tutors/t-c/index.html").contains("<td>本期已做 0/2</td>"))
        let data = try #require(site.files["data/compliance.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(data)) as? [String: Any])
        let open = (json["school"] as? [String: Any])?["open"] as? [String: [String: Int]]
        #expect(open?["review"] == ["done": 0, "of": 3])
    }

    @Test func theDashboardLinksEveryExportAndSaysWhatItHolds() throws {
        let dashboard = try page("index.html")
        for path in site.files.keys.filter({ $0.hasPrefix("data/") }).sorted() {
            #expect(dashboard.contains("<li><a href=\"\(path)\">\(path)</a> "), "\(path)")
        }
        #expect(
            dashboard.contains("<a href=\"data/compliance.csv\">data/compliance.csv</a> 每名学生的落实情况，可用 Excel 打开（CSV）"))
    }

    @Test func aScoreOnFewerPartsSaysWhichAndWhy() throws {
        let evaluation = try page("evaluation/index.html")
        // No surveys and no forum item in this school: records alone of the weighed parts.
        #expect(
            evaluation.contains(
                "<span class=\"missing\">截至统计日没有家长问卷；截至统计日没有学生问卷；得分只基于部分项目 (1/3)</span>"))
    }
}
