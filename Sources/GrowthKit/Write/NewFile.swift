import Foundation

/// `growth new`: a new content file with the right name and the front matter
/// filled from what the model knows, so a tutor needs a command and an
/// editor, not the file format (SPEC §8). Never overwrites a file.
public enum NewFile {
    /// A file to write: its path in the content folder and its text.
    public struct Draft: Sendable, Equatable {
        public var path: String
        public var text: String
    }

    /// A record of `type` for `studentID` on `date`. A school's own
    /// `templates/<type>.md` replaces the built-in body skeleton, with
    /// `{{student}}`, `{{name}}`, `{{tutor}}` and `{{date}}` filled in.
    /// A name already taken gets the next free slug (`-2`, `-3`, …).
    public static func record(
        _ typeName: String, student studentID: String, date: Day, slug: String?, school: School,
        schoolTemplate: String?, exists: (String) -> Bool
    ) throws(Diagnostic) -> Draft {
        let planned = "students/\(studentID)/\(date.iso)-\(typeName)\(slug.map { "-" + $0 } ?? "").md"
        guard let type = RecordType(rawValue: typeName) else {
            throw .error(
                .unknownRecordType, at: SourceLocation(path: planned),
                "`\(typeName)` is not a record type; use one of \(RecordType.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        guard let student = school.students.first(where: { $0.id == studentID }) else {
            throw unknown(.student, studentID, "students/\(studentID)/index.md", at: planned)
        }
        try checkSlug(slug, at: planned)
        let tutor = student.tutor(on: date)
        let body: String
        if let schoolTemplate {
            body = fill(
                schoolTemplate,
                ["student": student.id, "name": student.name, "tutor": tutor ?? "", "date": date.iso])
            if body.hasPrefix("---") {
                let path = freePath(
                    stem: "students/\(studentID)/\(date.iso)-\(type.rawValue)", slug: slug, exists: exists)
                return Draft(path: path, text: body)
            }
        } else {
            body = Skeleton.body(type, school.settings.locale)
        }
        let settings = school.settings
        let header = Skeleton.frontMatter(
            type, tutor: tutor, settings.locale,
            hidden: settings.policy(for: settings.term(asOf: date)).confidentialByDefault.contains(type))
        let path = freePath(stem: "students/\(studentID)/\(date.iso)-\(type.rawValue)", slug: slug, exists: exists)
        return draft(path, header, body)
    }

    /// `<stem>[-<slug>].md`, or with `-2`, `-3`, … after it when taken.
    static func freePath(stem: String, slug: String?, exists: (String) -> Bool) -> String {
        let base = stem + (slug.map { "-" + $0 } ?? "")
        if !exists(base + ".md") { return base + ".md" }
        var n = 2
        while exists("\(base)-\(n).md") { n += 1 }
        return "\(base)-\(n).md"
    }

    static func checkSlug(_ slug: String?, at path: String) throws(Diagnostic) {
        guard let slug else { return }
        guard ContentLayout.isValidID(slug) else {
            throw .error(
                .fileName, at: SourceLocation(path: path),
                "`\(slug)` is not a valid slug: use lower-case letters, digits, `-` and `_` only")
        }
    }

    static func unknown(_ kind: EntityKind, _ id: String, _ file: String, at path: String) -> Diagnostic {
        .error(
            .unknownID, at: SourceLocation(path: path), "no \(kind.rawValue) has the id `\(id)` (there is no \(file))")
    }

    static func fill(_ template: String, _ values: [String: String]) -> String {
        var text = template
        for (key, value) in values { text = text.replacingOccurrences(of: "{{\(key)}}", with: value) }
        return text
    }

    /// Quotes a YAML value when it needs it (numeric ids, `:`), as `growth`
    /// reads both.
    static func yaml(_ value: String) -> String {
        let plain = value.allSatisfy { $0.isLetter || $0.isNumber || "-_ ·（）()".contains($0) }
        let numeric = Double(value) != nil
        return plain && !numeric && !value.isEmpty
            ? value : "\"" + value.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

extension NewFile.Draft {
    /// The draft written under the content folder `root`, its folders made
    /// as needed. It never overwrites a file, even one made since its name
    /// was chosen, and a write that fails (a full disk) leaves no part of
    /// the file behind: a tutor is told, and finds nothing half written.
    public func create(under root: String) throws(Diagnostic) {
        let full = root + "/" + path
        let folder = String(full[..<(full.lastIndex(of: "/") ?? full.endIndex)])
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw .error(
                .output, at: SourceLocation(path: path), "cannot make its folder: \(error.localizedDescription)")
        }
        if let code = PlainFile.create(Array(text.utf8), at: full) {
            throw .error(
                .output, at: SourceLocation(path: path), "cannot create the file: \(String(cString: strerror(code)))")
        }
    }
}
