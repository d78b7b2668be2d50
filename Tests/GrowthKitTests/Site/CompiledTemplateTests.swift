import Foundation
import Testing

@testable import GrowthKit

/// growth renders templates with its own `TemplateRenderer`; swift-mustache
/// is the reference. Every case here, and every page of the demo school, is
/// rendered both ways and must come out byte for byte the same.
@Suite struct CompiledTemplateTests {
    struct Item: Encodable {
        var name: String
        var note: String?
        var done: Bool
    }

    struct View: Encodable {
        var title: String
        var count: Int
        var ratio: Double
        var zero: Int
        var empty: String
        var flag: Bool
        var off: Bool
        var missing: String?
        var items: [Item]
        var none: [Item]
        var tags: [String]
        var nested: Item
        var html: String
    }

    static let view = View(
        title: "成长 <档案> & \"家访\" 'x'", count: 3, ratio: 0.5, zero: 0, empty: "", flag: true, off: false,
        missing: nil,
        items: [
            Item(name: "张小雨", note: "a<b", done: true), Item(name: "李明", note: nil, done: false),
            Item(name: "王芳", note: "", done: true),
        ],
        none: [], tags: ["一", "二", "三"], nested: Item(name: "inner", note: "n", done: false), html: "<p>段落</p>")

    /// Templates, each a case of swift-mustache's rules: standalone lines,
    /// indentation, lookups, sections of every kind of value.
    static let cases: [String] = [
        "{{title}}|{{{title}}}|{{& title}}|{{ title }}",
        "{{count}} {{ratio}} {{zero}} {{flag}} {{off}} [{{missing}}] [{{empty}}] [{{nope}}]",
        "{{#items}}{{name}}:{{note}};{{/items}}",
        "{{#items}}\n  <li>{{name}}{{#done}} ✓{{/done}}{{^done}} ✗{{/done}}</li>\n{{/items}}\n",
        "<ul>\n  {{#items}}\n  <li>{{name}}</li>\n  {{/items}}\n</ul>\n",
        "{{#none}}never{{/none}}{{^none}}no items{{/none}}",
        "{{^items}}never{{/items}}{{^missing}}absent{{/missing}}{{^nope}}not found{{/nope}}{{^off}}off{{/off}}",
        "{{#missing}}x{{/missing}}{{#nope}}y{{/nope}}{{#off}}z{{/off}}{{#flag}}[{{title}}]{{/flag}}",
        "{{#empty}}empty string shows{{/empty}}{{#zero}}zero shows {{.}}{{/zero}}{{#title}}{{.}}{{/title}}",
        "{{#tags}}{{.}},{{/tags}} {{#tags}}{{title}}{{/tags}}",
        "{{nested.name}} {{#nested}}{{name}} {{title}} {{.note}} [{{.title}}]{{/nested}} {{nested.nope.x}}",
        "{{#items}}{{nested.name}}/{{note}}{{/items}}",
        "{{#items}}[{{missing}}{{count}}]{{/items}}",
        "a\r\n{{#flag}}\r\nb\r\n{{/flag}}\r\nc",
        "  {{! a comment }}\nx {{! inline }} y\n{{!\nmultiline\n}}\nz",
        "{{=<% %>=}}\n<% title %> {{title}}\n<%={{ }}=%>\n{{count}}",
        "{{#items}}\n{{=| |=}}\n|name|\n|/items|\n{{count}}",
        "<div>\n  {{> part}}\n  {{> part}} after\n</div>\n{{> part}}",
        "  {{> outer}}\n",
        "{{#items}}\n    {{> part}}\n{{/items}}",
        "{{{html}}} {{html}}",
        "a { b {x} } {{title}}{ end",
        "{{#empty(none)}}none{{/empty(none)}}{{^empty(items)}}has {{count(items)}}{{/empty(items)}}",
        "{{uppercased(nested.name)}} {{reversed(title)}} {{capitalized(nested.name)}} {{lowercased(title)}}",
        "{{plusone(count)}} {{minusone(zero)}} {{odd(count)}} {{even(count)}} {{equalzero(zero)}} [{{even(title)}}]",
        "{{#items}}{{index()}}{{#first()}}F{{/first()}}{{#last()}}L{{/last()}}{{plusone(index())}}|{{/items}}",
        "{{#items}}{{#done}}{{index()}}{{/done}}{{#nested}}[{{index()}}]{{/nested}}{{> idx}}{{/items}}[{{index()}}]",
        "{{#reversed(tags)}}{{.}}{{/reversed(tags)}} {{first(tags)}} {{#first(items)}}{{name}}{{/first(items)}}",
        "{{#sorted(nested)}}{{key}}={{value}};{{/sorted(nested)}} {{count(nested)}} [{{empty(missing)}}{{count(ratio)}}]",
        "{{^empty(missing)}}not transformed{{/empty(missing)}}{{#empty(missing)}}never{{/empty(missing)}}",
        // swift-mustache's pairs are tuples, which take no transform.
        "{{#sorted(nested)}}[{{key}} {{count(.)}}|{{empty(.)}}|{{#sorted(.)}}x{{/sorted(.)}}]{{/sorted(nested)}}",
        "{{#items}}{{#done}}{{name}}{{/done}}{{/items}}\n{{^items}}\n{{/items}}",
        "   \n{{#flag}}   \n\t{{title}}\n{{/flag}}  \nend",
        "{{#flag}} {{/flag}}\n  {{#flag}}x{{/flag}}  \n",
    ]

    static let partials = [
        "part.mustache": "<p>{{title}}</p>\n<p>{{count}}</p>\n",
        "outer.mustache": "<o>\n  {{> part}}\n{{#items}}\n{{name}}\n{{/items}}\n</o>\n",
        "idx.mustache": "({{index()}})",
    ]

    @Test(arguments: cases) func rendersAsSwiftMustache(_ template: String) throws {
        let files = Self.partials.merging(["t.mustache": template]) { _, new in new }
        let compiled = try TemplateSet(files: files)
        let reference = try TemplateSet(files: files, compiling: false)
        #expect(compiled.compiled != nil, "the template should compile")
        #expect(reference.compiled == nil)
        let value = TemplateValue.box(Self.view)
        let ours = try #require(compiled.render("t", value))
        let theirs = try #require(reference.render("t", value))
        #expect(String(decoding: ours, as: UTF8.self) == String(decoding: theirs, as: UTF8.self))
    }

    /// The layout gets the page's rendered body as bytes: shown raw,
    /// escaped, as a section and transformed, it reads as the same text.
    @Test func theLayoutSeesTheBodyAsText() throws {
        let files = [
            "t.mustache": "<b>{{title}}</b>",
            "layout.mustache":
                "{{{body}}}|{{body}}|{{#body}}[{{.}}]{{/body}}{{^body}}never{{/body}}|{{uppercased(body)}}|{{empty(body)}}",
        ]
        let frame = PageFrame(
            lang: "zh-CN", title: "t", schoolName: "s", root: "", nav: [], navLabel: "n", terms: [],
            termsLabel: "terms", skipLabel: "k", minorsNotice: "m", audience: "a", asOf: "a", term: "t",
            generatedBy: "g", problems: nil)
        let page = Page(path: "index.html", template: "t", frame: frame, view: Self.view)
        let ours = String(decoding: try TemplateSet(files: files).render(page), as: UTF8.self)
        let theirs = String(decoding: try TemplateSet(files: files, compiling: false).render(page), as: UTF8.self)
        #expect(ours == theirs)
        #expect(ours.hasPrefix("<b>成长 &lt;档案&gt; &amp; &quot;家访&quot; &#39;x&#39;</b>|&lt;b&gt;成长 &amp;lt;"))
    }

    /// What only swift-mustache renders (here inheritance) leaves the whole
    /// set to it, with the same result as before.
    @Test func aTemplateWithInheritanceIsRenderedBySwiftMustache() throws {
        let files = Self.partials.merging([
            "t.mustache": "{{<base}}{{$body}}<b>{{nested.name}}</b>{{/body}}{{/base}} {{> part}}",
            "base.mustache": "[{{$body}}default{{/body}}]",
        ]) { _, new in new }
        let set = try TemplateSet(files: files)
        #expect(set.compiled == nil)
        let html = try #require(set.render("t", TemplateValue.box(Self.view)))
        #expect(String(decoding: html, as: UTF8.self).hasPrefix("[<b>inner</b>] <p>成长 &lt;档案&gt;"))
    }

    /// The demo school, every page and both audiences: the same bytes from
    /// the compiled templates as from swift-mustache.
    @Test func theDemoSiteIsTheSameEitherWay() async throws {
        let checked = await TestContent.check(TestContent.packageRoot.appendingPathComponent("content"), now: demoNow)
        let school = try #require(checked.school)
        let reference = try TemplateSet(files: DefaultTemplates.files, compiling: false)
        #expect(TemplateSet.defaults().compiled != nil)
        for audience in [Audience.leadership, .staff] {
            let ours = SiteBuilder.build(school: school, asOf: day("2026-11-27"), audience: audience)
            let theirs = SiteBuilder.build(
                school: school, asOf: day("2026-11-27"), audience: audience, templates: reference)
            #expect(ours.files.count == theirs.files.count)
            #expect(ours.files.count > 100)
            let different = ours.files.keys.filter { ours.files[$0] != theirs.files[$0] }.sorted()
            #expect(different.isEmpty, "\(audience): \(different.prefix(5))")
        }
    }

    /// Templates that include each other in a loop are refused where the
    /// loop closes, before anything is rendered; a partial used twice is no loop.
    @Test func aLoopOfPartialsIsRefused() throws {
        do {
            _ = try TemplateSet(files: ["a.mustache": "{{> b}}", "b.mustache": "x\n{{#y}}{{> a}}{{/y}}"])
            Issue.record("a loop of partials was accepted")
        } catch {
            #expect(error.location == SourceLocation(path: "b.mustache", line: 2, column: 7))
            #expect(error.message.contains("`{{> a}}` makes the templates include themselves (a → b → a)"))
        }
        // Other delimiters hide no loop.
        do {
            _ = try TemplateSet(files: ["d.mustache": "{{=<% %>=}}\n<%> d %>"])
            Issue.record("a loop of partials with other delimiters was accepted")
        } catch {
            #expect(error.location == SourceLocation(path: "d.mustache", line: 2, column: 1))
        }
        #expect(throws: Never.self) {
            try TemplateSet(files: ["a.mustache": "{{> c}}{{> b}}", "b.mustache": "{{> c}}", "c.mustache": "c"])
        }
    }
}
