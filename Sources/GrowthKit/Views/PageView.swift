/// A link in the navigation or in a table.
struct LinkView: Sendable, Hashable, Encodable {
    var href: String
    var text: String
    var isCurrent: Bool = false
    /// `zh-CN` for Chinese content text on a page in another language.
    var textLang: String? = nil
}

/// What every page shares: language, title, navigation, the banner.
struct PageFrame: Sendable, Encodable {
    var lang: String
    var title: String
    var schoolName: String
    /// `""`, `"../"` or `"../../"`: the way back to the site's root.
    var root: String
    var nav: [LinkView]
    var navLabel: String
    /// The term switcher: each term's pages, the shown term marked current.
    var terms: [LinkView]
    var termsLabel: String
    var skipLabel: String
    /// Leadership builds hold minors' personal information and say so.
    var minorsNotice: String?
    /// The language of the school's own texts where it is not the page's.
    var contentLang: String?
    var audience: String
    var asOf: String
    var term: String
    var generatedBy: String
    /// On every page of a build with `--allow-errors`: where the problems are listed.
    var problems: LinkView?
}

/// A table under its own heading, with a line saying how to read it: the
/// head teacher's tutors, the partners, the family counts, the contact checks.
struct TableSectionView<Row: Sendable & Hashable & Encodable>: Sendable, Encodable {
    var heading: String
    var hint: String
    var headers: [String]
    var rows: [Row]
}

/// Where each page is in the site (before `termPath` puts an ended term's
/// under `terms/<id>/`): the page builders and the plan of pages made on
/// demand both ask here.
enum PagePath {
    static let dashboard = "index.html"
    static let evaluation = "evaluation/index.html"
    static let forums = "forums/index.html"
    static let problems = "problems/index.html"
    static func schoolClass(_ id: String) -> String { "classes/\(id)/index.html" }
    static func tutor(_ id: String) -> String { "tutors/\(id)/index.html" }
    static func student(_ id: String) -> String { "students/\(id)/index.html" }
}

/// A page not made yet: where it will be, and how to make it.
struct PlannedPage: Sendable {
    var path: String
    var make: @Sendable () -> Page
}

/// A long list of a view made only when the page is rendered: for the
/// page's digest it is named by its inputs instead (`PageInputs`), so a page
/// whose list did not change is digested without making the list. Without
/// inputs it is made for the digest too.
struct DeferredList<Element: Encodable & Sendable>: Encodable, Sendable {
    /// What the list is made from, when known: a few words, the same only for the same list.
    let inputs: [UInt64]?
    let make: @Sendable () -> [Element]

    func encode(to encoder: any Encoder) throws {
        if let inputs, encoder.userInfo[.digestsInputs] != nil {
            var container = encoder.singleValueContainer()
            // A word no list of elements is encoded as, then the inputs.
            try container.encode([Self.marker] + inputs)
        } else {
            try make().encode(to: encoder)
        }
    }

    /// "deferred".
    static var marker: UInt64 { 0x6465_6665_7272_6564 }
}

extension CodingUserInfoKey {
    /// Set by the encoder of a page's digest: a `DeferredList` with inputs gives them instead of its elements.
    static let digestsInputs = CodingUserInfoKey(rawValue: "growth.digestsInputs")!
}

/// A page's view or frame: what the templates see. Its synthesized
/// `Encodable` is how the site stage reads it, without `Mirror`, both to hand
/// it to Mustache and to digest it.
typealias TemplateView = Encodable & Sendable

/// A page: its path in the site, its template, and its view.
struct Page: Sendable {
    var path: String
    var template: String
    var frame: PageFrame
    var view: any TemplateView
}

/// A status shown with a colour and a word, never colour alone.
struct StatusView: Sendable, Hashable, Encodable {
    var kind: String
    var text: String
}
