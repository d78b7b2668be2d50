extension CrossFileRules {
    mutating func buildForums(_ parsedForums: [Parsed<Forum>]) -> [Forum] {
        parsedForums.compactMap { parsed in
            var forum = parsed.value
            let unknown = unresolved(parsed.references)
            if let host = forum.host, unknown.contains("host:" + host) { forum.host = nil }
            forum.attendees.removeAll { unknown.contains("attendees:" + $0) }
            forum.cases.removeAll { unknown.contains("cases:" + $0) }
            guard checkDate(forum.date, at: parsed.dateLocation ?? forum.source, what: "the forum") else { return nil }
            return forum
        }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
    }
}
