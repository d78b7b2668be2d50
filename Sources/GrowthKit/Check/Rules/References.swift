extension CrossFileRules {
    /// Reports every unknown id among `references`; returns the unknown ones.
    mutating func unresolved(_ references: [IDReference]) -> Set<String> {
        var unknown: Set<String> = []
        for reference in references where !ids.contains(reference) {
            unknown.insert(reference.field + ":" + reference.id)
            let file: String
            switch reference.kind {
            case .student: file = "there is no students/\(reference.id)/index.md"
            case .tutor: file = "there is no tutors/\(reference.id).md"
            case .schoolClass: file = "there is no classes/\(reference.id).md"
            case .term: file = "school.yml lists no such term"
            }
            if reference.field == "folder" { continue }  // reported once per folder below
            if ids.isBroken(reference) {
                brokenReferences[KnownIDs.file(reference.kind, reference.id), default: 0] += 1
                continue
            }
            let consequence = reference.field == "class" ? "; the student is left out until it is fixed" : ""
            error(
                .unknownID, at: reference.location,
                "no \(reference.kind.rawValue) has the id `\(reference.id)` (\(file))\(consequence)")
        }
        return unknown
    }
}
