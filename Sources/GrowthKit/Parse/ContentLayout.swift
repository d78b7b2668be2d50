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
        // Read by the byte, as the file system names files: 57,000 paths
        // compared a Character at a time were a twentieth of a check. A
        // String is made only of an id the kind keeps.
        let parts = path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        if parts.contains(where: { $0.first == UInt8(ascii: ".") }) { return nil }
        let at = SourceLocation(path: path)
        func unexpected(_ why: String) -> Result<ContentFileKind, Diagnostic> {
            .failure(.warning(.unexpectedFile, at: at, "\(why); the file is not read"))
        }
        func id(_ name: Substring.UTF8View, _ what: String) -> Diagnostic? {
            isValidID(name)
                ? nil
                : .error(
                    .fileName, at: at,
                    "`\(Substring(name))` is not a valid \(what): use lower-case letters, digits, `-` and `_` only")
        }
        func markdown(_ name: Substring.UTF8View, _ what: String, _ make: (String) -> ContentFileKind)
            -> Result<ContentFileKind, Diagnostic>
        {
            guard name.ends(with: ".md") else { return unexpected("only .md files belong in this folder") }
            let stem = name.dropLast(3)
            if let problem = id(stem, what) { return .failure(problem) }
            return .success(make(String(Substring(stem))))
        }
        let folder = parts[0]

        switch parts.count {
        case 1 where folder.is("school.yml"):
            return .success(.settings)
        case 2 where folder.is("classes"):
            return markdown(parts[1], "class id") { .schoolClass(id: $0) }
        case 2 where folder.is("tutors"):
            return markdown(parts[1], "tutor id") { .tutor(id: $0) }
        case 2 where folder.is("forums"):
            return markdown(parts[1], "forum file name") { .forum(name: $0) }
        case 2 where folder.is("surveys"):
            guard parts[1].ends(with: ".csv") else { return unexpected("only .csv files belong in surveys/") }
            return .success(.survey)
        case 2 where folder.is("templates"):
            // A school's own skeletons for `growth new`: not content.
            let kinds = RecordType.allCases.map(\.rawValue)
            guard parts[1].ends(with: ".md"), kinds.contains(String(Substring(parts[1].dropLast(3)))) else {
                return unexpected("templates/ holds skeletons named after a record type, e.g. templates/talk.md")
            }
            return nil
        case 2 where folder.is("students"):
            return unexpected("a student is a folder, students/<id>/index.md")
        case 3 where folder.is("tutors"):
            if let problem = id(parts[1], "tutor id") { return .failure(problem) }
            return markdown(parts[2], "summary file name") { .summary(tutorID: String(Substring(parts[1])), name: $0) }
        case 3 where folder.is("students"):
            if let problem = id(parts[1], "student id") { return .failure(problem) }
            let student = String(Substring(parts[1]))
            if parts[2].is("index.md") { return .success(.student(id: student)) }
            return markdown(parts[2], "record file name") { .record(studentID: student, name: $0) }
        default:
            return unexpected(
                "this path is not part of the content layout (school.yml, classes/, tutors/, students/, forums/, surveys/, templates/)"
            )
        }
    }

    /// Ids are lower-case ASCII letters, digits, `-` and `_`.
    static func isValidID(_ text: some StringProtocol) -> Bool { isValidID(text.utf8) }

    static func isValidID(_ bytes: some Collection<UInt8>) -> Bool {
        !bytes.isEmpty && !(bytes.count == 1 && (bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "_")))
            && bytes.allSatisfy { b in
                (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
                    || b == UInt8(ascii: "-") || b == UInt8(ascii: "_")
            }
    }
}

extension Substring.UTF8View {
    /// Whether these bytes are `text`'s.
    fileprivate func `is`(_ text: StaticString) -> Bool {
        text.withUTF8Buffer { elementsEqual($0) }
    }

    fileprivate func ends(with suffix: StaticString) -> Bool {
        suffix.withUTF8Buffer { count >= $0.count && self.suffix($0.count).elementsEqual($0) }
    }
}
