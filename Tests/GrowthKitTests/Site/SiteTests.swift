import Foundation
import Testing

@testable import GrowthKit

/// The site of `Fixtures/small-school`, page by page, as a reader finds it.
@Suite struct SiteTests {
    let school: School
    let site: BuiltSite

    init() async throws {
        let checked = await TestContent.check(TestContent.fixture("small-school"))
        school = try #require(checked.school)
        site = SiteBuilder.build(school: school, asOf: day("2025-10-31"))
    }

    func page(_ path: String) throws -> String {
        String(decoding: try #require(site.files[path], "no \(path)"), as: UTF8.self)
    }

    @Test func everyPageOfTheSpecIsThere() {
        for path in [
            "index.html", "classes/2025-nursing-1/index.html", "students/2025001/index.html",
            "tutors/t-wang/index.html", "evaluation/index.html", "forums/index.html", "search/index.html",
            "search/index.js", "data/compliance.json", "data/evaluation.json", "data/compliance.csv",
            "data/evaluation.csv", "robots.txt", "assets/style.css",
        ] {
            #expect(site.files[path] != nil, "\(path)")
        }
        #expect(site.files["problems/index.html"] == nil)
    }

    @Test func theDashboardListsTheOverdueStudentWorstFirst() throws {
        let html = try page("index.html")
        #expect(html.contains("<html lang=\"zh-CN\">"))
        #expect(html.contains("统计截至 2025年10月31日"))
        // 陈晨 and 刘洋 have no talk at all: 60 days since 09-01, 43 past the 17 allowed, the
        // worst; a tie goes by id. One row a student, every item in it.
        let overdue = try #require(html.range(of: "逾期提醒"))
        let first = try #require(html[overdue.upperBound...].range(of: "<td><a href=\"students/"))
        #expect(html[first.upperBound...].hasPrefix("2025002/index.html\">陈晨</a>"))
        #expect(html.contains("<li>谈心谈话：从未记录，已60天，允许17天，超出43天</li>"))
        #expect(html.contains("<span class=\"status bad\">43天</span>"))
    }

    @Test func aGrowthFileShowsProfileComplianceMoodAndTimeline() throws {
        let html = try page("students/2025001/index.html")
        #expect(html.contains("<h1>张小雨 <span class=\"id\">2025001</span> <span class=\"tag key\">重点关注</span></h1>"))
        #expect(html.contains("<a href=\"../../students/2025002/index.html\">陈晨</a>"))  // growth partner
        #expect(html.contains("母亲在外地务工"))
        // talk: the four fortnights to 10-26 are closed, one met.
        #expect(html.contains("<td>谈心谈话</td><td>每2周</td><td class=\"num\">4</td><td class=\"num\">1</td>"))
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\""))
        #expect(html.contains("<title id=\"mood-2025-1-title\">张小雨 · 2025–2026学年第一学期 · 状态变化</title>"))
        #expect(html.contains("<td>与数学老师沟通作业情况</td><td>9月19日</td>"))
        #expect(html.contains("<span class=\"status bad\">已逾期</span>"))
        #expect(html.contains("<strong>想家</strong>"))
        #expect(html.contains("<span class=\"tag confidential\">保密</span>"))
    }

    @Test func aTutorChangeShowsInTheHistory() throws {
        let html = try page("students/2025002/index.html")
        #expect(html.contains("王芳（2025年9月1日起） → 李华（2025年11月3日起）"))
    }

    @Test func aTutorPageListsTheRecordsWritten() throws {
        let html = try page("tutors/t-wang/index.html")
        #expect(html.contains("<h2>所写记录 (2)</h2>"))
        #expect(
            html.contains(
                "<td><time datetime=\"2025-09-10\">9月10日</time></td><td><a href=\"../../students/2025001/index.html#record-2025-09-10-talk\">张小雨</a></td><td>谈心谈话</td>"
            ))
        // The link lands on the record in the growth file.
        #expect(try page("students/2025001/index.html").contains("<li id=\"record-2025-09-10-talk\""))
        // The answer of 12-10 is after this build's as-of date: left out here as in the evaluation.
        #expect(!html.contains("老师很负责"))
        let later = SiteBuilder.build(school: school, asOf: day("2025-12-31"))
        let page = String(decoding: try #require(later.files["tutors/t-wang/index.html"]), as: UTF8.self)
        #expect(page.contains("<th scope=\"col\">日期</th><th scope=\"col\">学生</th><th scope=\"col\">答卷人</th>"))
        #expect(page.contains("<td>12月10日</td><td>张小雨</td><td>家长</td><td>5/5</td><td>是</td><td>老师很负责, 经常联系</td>"))
    }

    @Test func theEvaluationRanksGradesAndExplains() throws {
        let html = try page("evaluation/index.html")
        #expect(html.contains("考评方法"))
        #expect(html.contains("<span class=\"grade fail\">不合格</span>"))
        #expect(html.contains("<span class=\"tag criticised\">通报</span>"))
    }

    @Test func theClassPageCountsFamiliesWithoutPointingAtAChild() throws {
        let html = try page("classes/2025-nursing-1/index.html")
        #expect(html.contains("<td>单亲家庭</td><td class=\"num\">&lt;3</td>"))
        #expect(html.contains("<table class=\"heat\">"))
    }

    @Test func theForumLinksItsCases() throws {
        let html = try page("forums/index.html")
        #expect(html.contains("<time datetime=\"2025-09-26\">2025年9月26日</time> 新生适应"))
        #expect(html.contains("<a href=\"../students/2025001/index.html\">张小雨</a>"))
    }

    @Test func searchShipsItsIndexAsAScript() throws {
        let index = try page("search/index.js")
        #expect(index.hasPrefix("window.GROWTH_SEARCH = ["))
        #expect(index.contains("\"name\": \"张小雨\""))
        #expect(index.contains("\"href\": \"../students/2025001/index.html\""))
        #expect(try page("search/index.html").contains("<script src=\"index.js\"></script>"))
    }

    @Test func everyPageIsClosedToTheOutside() throws {
        for (path, bytes) in site.files where path.hasSuffix(".html") {
            let html = String(decoding: bytes, as: UTF8.self)
            #expect(html.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"), "\(path)")
            #expect(html.contains("Content-Security-Policy"), "\(path)")
            #expect(html.contains("本页含未成年人个人信息"), "\(path)")
            #expect(!html.contains("http://") || html.contains("http://www.w3.org/2000/svg"), "\(path)")
            #expect(!html.contains("https://"), "\(path)")
        }
        #expect(try page("robots.txt") == "User-agent: *\nDisallow: /\n")
    }

    @Test func everyInternalLinkResolves() throws {
        #expect(try SiteLinks.broken(in: site) == [])
    }

    @Test func theSameContentGivesTheSameBytes() async throws {
        let checked = await TestContent.check(TestContent.fixture("small-school"))
        let again = SiteBuilder.build(school: try #require(checked.school), asOf: day("2025-10-31"))
        #expect(again.files == site.files)
    }
}
