import Foundation
import Testing

@testable import GrowthKit

@Suite struct DayTests {
    @Test(arguments: ["2024-13-45", "2025-02-29", "2025-04-31", "2025-9-01", "2025-09-01x", "２０２５-09-01", ""])
    func impossibleOrMalformedDatesAreRejected(_ text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test func realDatesRoundTrip() throws {
        for text in ["2024-02-29", "2025-09-01", "2026-01-16", "2000-12-31"] {
            #expect(try #require(Day(iso: text)).iso == text)
        }
    }

    @Test func weekdaysAndMondays() throws {
        let day = try #require(Day(iso: "2025-09-03"))  // a Wednesday
        #expect(day.weekday == 3)
        #expect(day.mondayOfWeek.iso == "2025-09-01")
        #expect(try #require(Day(iso: "2025-09-07")).mondayOfWeek.iso == "2025-09-01")  // Sunday
        #expect(day.firstOfMonth(adding: 4).iso == "2026-01-01")
    }
}

@Suite struct AsOfDateTests {
    let settings = SchoolSettings(
        name: "测试", locale: .zhCN, timezone: "Asia/Shanghai",
        term: Term(name: "第一学期", start: Day(iso: "2025-09-01")!, end: Day(iso: "2026-01-16")!),
        policy: Policy(), evaluation: EvaluationSettings())

    /// SPEC §7: after the last term the as-of date stays (the site shows the
    /// term just ended, its figures as of its last day); before the first it
    /// is the first term's start.
    @Test func givenDateWinsAndIsNeverBeforeTheFirstTerm() {
        let now = Date(timeIntervalSince1970: 0)
        #expect(
            AsOfDate.resolve(given: Day(iso: "2025-10-10"), sourceDateEpoch: "0", now: now, settings: settings).asOf.iso
                == "2025-10-10")
        #expect(
            AsOfDate.resolve(given: Day(iso: "2026-03-01"), sourceDateEpoch: nil, now: now, settings: settings).asOf.iso
                == "2026-03-01")
        #expect(
            AsOfDate.resolve(given: Day(iso: "2025-08-01"), sourceDateEpoch: nil, now: now, settings: settings).asOf.iso
                == "2025-09-01")
    }

    @Test func sourceDateEpochIsADayInTheSchoolsTimeZone() {
        // 2025-09-30 17:00 UTC is already 1 October in Shanghai.
        let now = Date(timeIntervalSince1970: 1_795_435_200)  // 2026-11-23
        let dates = AsOfDate.resolve(given: nil, sourceDateEpoch: "1759251600", now: now, settings: settings)
        #expect(dates.asOf.iso == "2025-10-01")
        #expect(dates.today.iso == "2026-11-23")  // today stays the clock's
    }

    @Test func theClockIsTheLastResort() {
        let dates = AsOfDate.resolve(
            given: nil, sourceDateEpoch: nil, now: Date(timeIntervalSince1970: 1_759_251_600), settings: settings)
        #expect(dates.asOf.iso == "2025-10-01")
    }
}
