import Testing

@testable import GrowthKit

@Suite struct PeriodTests {
    private func periods(_ cadence: Cadence, _ start: String, _ end: String) -> [String] {
        cadence.periods(in: Term(name: "t", start: day(start), end: day(end))).map(\.description)
    }

    @Test func weeksStartOnTheMondayOfATermStartingMidWeek() {
        // 2025-09-03 is a Wednesday: the first week is cut to Wednesday–Sunday.
        #expect(
            periods(.weeks(1), "2025-09-03", "2025-09-22") == [
                "2025-09-03…2025-09-07", "2025-09-08…2025-09-14", "2025-09-15…2025-09-21", "2025-09-22…2025-09-22",
            ])
    }

    @Test func twoWeekWindowsOverTheDemoTerm() {
        let windows = periods(.weeks(2), "2025-09-01", "2026-01-16")
        #expect(windows.count == 10)
        #expect(windows.first == "2025-09-01…2025-09-14")
        #expect(windows[1] == "2025-09-15…2025-09-28")
        #expect(windows.last == "2026-01-05…2026-01-16")  // 10 × 14 days from 09-01, the last cut
    }

    @Test func monthsAreCalendarMonthsGroupedFromTheFirstMonth() {
        #expect(
            periods(.months(1), "2025-09-15", "2025-12-10") == [
                "2025-09-15…2025-09-30", "2025-10-01…2025-10-31", "2025-11-01…2025-11-30", "2025-12-01…2025-12-10",
            ])
        #expect(periods(.months(2), "2025-09-15", "2025-12-10") == ["2025-09-15…2025-10-31", "2025-11-01…2025-12-10"])
        // Across the new year.
        #expect(periods(.months(1), "2025-12-20", "2026-01-16") == ["2025-12-20…2025-12-31", "2026-01-01…2026-01-16"])
    }

    @Test func theTermItemIsOnePeriodClosedOnlyAtTheEnd() {
        let term = Cadence.term.periods(in: Term(name: "t", start: day("2025-09-01"), end: day("2026-01-16")))
        #expect(term.map(\.description) == ["2025-09-01…2026-01-16"])
        #expect(!term[0].isClosed(asOf: day("2026-01-15")))
        #expect(term[0].isClosed(asOf: day("2026-01-16")))
    }
}
