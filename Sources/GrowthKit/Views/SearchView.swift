/// The search page (`search/index.html`); the index ships as a script file,
/// `search/index.js`, so search works from `file://` too.
struct SearchView: Sendable, Encodable {
    var heading: String
    var placeholder: String
    var hint: String
    var noResults: String
}

extension PageContext {
    func searchPage() -> Page {
        Page(
            path: "search/index.html", template: "search",
            frame: frame(title: text[.search], depth: 1, current: .search),
            view: SearchView(
                heading: text[.search], placeholder: text[.searchPlaceholder], hint: text[.searchHint],
                noResults: text[.noResults]))
    }

    /// `window.GROWTH_SEARCH = [...]`: kind, id, name, detail and the page of
    /// every student, tutor and class. Written as JSON, whose escaping of `</`
    /// keeps the script from being closed early.
    func searchIndex(_ school: School) -> [UInt8] {
        var entries: [JSONValue] = []
        func entry(_ kind: String, _ id: String, _ name: String, _ detail: String, _ href: String) {
            entries.append(
                .object([
                    "kind": .string(kind), "id": .string(id), "name": .string(name), "detail": .string(detail),
                    "href": .string(href),
                ]))
        }
        for student in school.students {
            entry(
                text[.student], student.id, student.name, classes[student.classID]?.name ?? student.classID,
                "../students/\(student.id)/index.html")
        }
        for tutor in school.tutors {
            entry(text[.tutor], tutor.id, tutor.name, text.role(tutor.role), "../tutors/\(tutor.id)/index.html")
        }
        for schoolClass in school.classes {
            entry(
                text[.schoolClass], schoolClass.id, schoolClass.name, schoolClass.grade,
                "../classes/\(schoolClass.id)/index.html")
        }
        // The array's bytes as written, its closing newline left for `;`.
        return Array("window.GROWTH_SEARCH = ".utf8) + JSONValue.array(entries).bytes.dropLast() + Array(";\n".utf8)
    }
}
