/// What a file in the content folder is, judged by its path alone.
enum ContentFileKind: Sendable, Hashable {
    case settings
    case schoolClass(id: String)
    case tutor(id: String)
    case student(id: String)
    case record(studentID: String, name: String)
    case forum(name: String)
    case summary(tutorID: String, name: String)
    case survey
}

/// The folder layout of SPEC §2: which paths hold which kind of file.
enum ContentLayout {
    /// Classifies a path relative to the content folder. Returns the kind, or a
    /// diagnostic for a path that breaks the layout or the id rules; nil for
    /// files the tool does not read at all (hidden files).
    static func classify(_ path: String) -> Result<ContentFileKind, Diagnostic>? {
        // Split on the byte, as the file system does, into substrings of the
        // path: a String is made only of an id the kind keeps (57,000 paths).
        let parts = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false).map {
            Substring($0)
        }
        if parts.contains(where: { $0.hasPrefix(".") }) { return nil }
        let at = SourceLocation(path: path)
        func unexpected(_ why: String) -> Result<ContentFileKind, Diagnostic> {
            .failure(.warning(.unexpectedFile, at: at, "\(why); the file is not read"))
        }
        func id(_ name: Substring, _ what: String) -> Diagnostic? {
            isValidID(name)
                ? nil
                : .error(
                    .fileName, at: at,
                    "`\(name)` is not a valid \(what): use lower-case letters, digits, `-` and `_` only")
        }
        func markdown(_ name: Substring, _ what: String, _ make: (String) -> ContentFileKind)
            -> Result<ContentFileKind, Diagnostic>
        {
            guard name.hasSuffix(".md") else { return unexpected("only .md files belong in this folder") }
            let stem = name.dropLast(3)
            if let problem = id(stem, what) { return .failure(problem) }
            return .success(make(String(stem)))
        }

        switch parts.count {
        case 1 where parts[0] == "school.yml":
            return .success(.settings)
        case 2 where parts[0] == "classes":
            return markdown(parts[1], "class id") { .schoolClass(id: $0) }
        case 2 where parts[0] == "tutors":
            return markdown(parts[1], "tutor id") { .tutor(id: $0) }
        case 2 where parts[0] == "forums":
            return markdown(parts[1], "forum file name") { .forum(name: $0) }
        case 2 where parts[0] == "surveys":
            guard parts[1].hasSuffix(".csv") else { return unexpected("only .csv files belong in surveys/") }
            return .success(.survey)
        case 2 where parts[0] == "templates":
            // A school's own skeletons for `growth new`: not content.
            let kinds = RecordType.allCases.map(\.rawValue)
            guard parts[1].hasSuffix(".md"), kinds.contains(String(parts[1].dropLast(3))) else {
                return unexpected("templates/ holds skeletons named after a record type, e.g. templates/talk.md")
            }
            return nil
        case 2 where parts[0] == "students":
            return unexpected("a student is a folder, students/<id>/index.md")
        case 3 where parts[0] == "tutors":
            if let problem = id(parts[1], "tutor id") { return .failure(problem) }
            return markdown(parts[2], "summary file name") { .summary(tutorID: String(parts[1]), name: $0) }
        case 3 where parts[0] == "students":
            if let problem = id(parts[1], "student id") { return .failure(problem) }
            if parts[2] == "index.md" { return .success(.student(id: String(parts[1]))) }
            return markdown(parts[2], "record file name") { .record(studentID: String(parts[1]), name: $0) }
        default:
            return unexpected(
                "this path is not part of the content layout (school.yml, classes/, tutors/, students/, forums/, surveys/, templates/)"
            )
        }
    }

    /// Ids are lower-case ASCII letters, digits, `-` and `_`.
    static func isValidID(_ text: some StringProtocol) -> Bool {
        !text.isEmpty && text != "-" && text != "_"
            && text.utf8.allSatisfy { b in
                (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
                    || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
            }
    }
}
