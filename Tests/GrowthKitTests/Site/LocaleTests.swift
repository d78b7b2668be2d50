import Foundation
import Testing

@testable import GrowthKit

@Suite struct LocaleTests {
    @Test func anEnglishSchoolGetsAnEnglishSite() async throws {
        let checked = await TestContent.check(TestContent.fixture("small-school"))
        var school = try #require(checked.school)
        school.settings.locale = .en
        let site = SiteBuilder.build(school: school, asOf: day("2025-10-31"))
        let dashboard = String(decoding: try #require(site.files["index.html"]), as: UTF8.self)
        #expect(dashboard.contains("<html lang=\"en\">"))
        #expect(dashboard.contains("As of 31 Oct 2025"))
        #expect(dashboard.contains("This page holds minors&#39; personal information."))
        #expect(dashboard.contains(">Overdue (") && dashboard.contains("60 days"))
        let student = String(decoding: try #require(site.files["students/2025002/index.html"]), as: UTF8.self)
        #expect(student.contains("王芳 (from 1 Sep 2025) → 李华 (from 3 Nov 2025)"))
        #expect(!dashboard.contains("学校总览"))
        let growthFile = String(decoding: try #require(site.files["students/2025001/index.html"]), as: UTF8.self)
        #expect(growthFile.contains("<span>Study, Family</span>"))
        // The school's Chinese texts on an English page say they are Chinese.
        #expect(growthFile.contains("<h1><span lang=\"zh-CN\">张小雨</span> <span class=\"id\">2025001</span>"))
        #expect(growthFile.contains("<div class=\"prose\" lang=\"zh-CN\">"))
        #expect(dashboard.contains("<a href=\"index.html\" lang=\"zh-CN\">"))
        #expect(dashboard.contains("lang=\"zh-CN\">陈晨</a>"))
    }

    @Test func everyLabelHasBothLanguages() {
        for label in Label.allCases {
            let (zh, en) = Localizer.text(label)
            #expect(!zh.isEmpty && !en.isEmpty, "\(label)")
        }
        #expect(Localizer(.en).number(55000) == "55,000")
        #expect(Localizer(.zhCN).date(day("2026-01-16")) == "2026年1月16日")
    }
}
