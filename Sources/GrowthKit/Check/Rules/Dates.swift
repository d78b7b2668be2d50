extension CrossFileRules {
    /// Checks that a dated thing lies in a term and not after the as-of date.
    /// Returns false when it must be left out. A day between two terms is
    /// kept with a warning: it stays in the growth file and counts for no period.
    mutating func checkDate(_ day: Day, at location: SourceLocation, what: String) -> Bool {
        guard let settings, let dates else { return true }
        let span = settings.span
        if day < span.start || day > span.end {
            let advice =
                day > span.end
                ? "after the last term in school.yml (it ends \(span.end)): add the new term to `terms`"
                : "before the first term in school.yml (it starts \(span.start))"
            error(.dateOutsideTerm, at: location, "\(what) is dated \(day), \(advice); it is left out")
            return false
        }
        if day > dates.today {
            error(.dateInFuture, at: location, "\(what) is dated \(day), after today (\(dates.today)); it is left out")
            return false
        }
        if day > dates.asOf {
            warning(
                .dateAfterAsOf, at: location,
                "\(what) is dated \(day), after the as-of date \(dates.asOf); it is left out of this build")
            return false
        }
        if settings.term(containing: day) == nil {
            let before = settings.term(asOf: day)
            let after = settings.term(after: before)
            warning(
                .dateBetweenTerms, at: location,
                "\(what) is dated \(day), between term \(before.id) (ends \(before.end)) and term "
                    + "\(after?.id ?? "?") (starts \(after.map { $0.start.iso } ?? "?")): it stays in the growth file "
                    + "and counts for no term")
        }
        return true
    }
}
