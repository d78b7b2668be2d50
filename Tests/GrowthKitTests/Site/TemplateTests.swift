import Foundation
import Testing

@testable import GrowthKit

@Suite struct TemplateTests {
    @Test func theEmbeddedTemplatesAreTheTemplatesFolder() {
        let files = BuildCommandTests.snapshot(TestContent.packageRoot.appendingPathComponent("Templates"))
            .mapValues { String(decoding: $0, as: UTF8.self) }
        #expect(
            files == DefaultTemplates.files,
            "the EmbedTemplates plugin embeds Templates/ as it is")
    }

    @Test func aSchoolCanReplaceATemplate() async throws {
        let folder = try TestContent.write([
            "dashboard.mustache": "<h1 class=\"ours\">{{heading}}</h1>", "assets/style.css": "body { color: navy; }\n",
        ])
        defer { TestContent.remove(folder) }
        let templates = try TemplateSet.overriding(with: folder)
        let checked = await TestContent.check(TestContent.fixture("small-school"))
        let site = SiteBuilder.build(
            school: try #require(checked.school), asOf: day("2025-10-31"), templates: templates)
        let html = String(decoding: try #require(site.files["index.html"]), as: UTF8.self)
        #expect(html.contains("<main id=\"main\">\n<h1 class=\"ours\">全员导师制工作总览</h1>\n</main>"))
        #expect(site.files["assets/style.css"] == Array("body { color: navy; }\n".utf8))
        #expect(site.files["assets/search.js"] != nil)  // the other defaults stay
    }

    @Test func aLayoutWithoutTheSafeguardsIsRefused() throws {
        let folder = try TestContent.write([
            "layout.mustache": "<!DOCTYPE html><title>{{frame.title}}</title><p>{{frame.audience}}</p>{{{body}}}"
        ])
        defer { TestContent.remove(folder) }
        do {
            _ = try TemplateSet.overriding(with: folder)
            Issue.record("a layout without noindex, CSP and the minors notice was accepted")
        } catch {
            #expect(error.place == "template layout.mustache:1:1")
            #expect(error.message.contains("the robots meta (`noindex`)"))
            #expect(error.message.contains("`{{frame.minorsNotice}}`"))
            #expect(!error.message.contains("frame.audience"))
        }
    }

    @Test func aBrokenTemplateIsReportedAtItsLine() throws {
        let folder = try TestContent.write(["tutor.mustache": "<h1>{{name}}</h1>\n{{#facts}}\n"])
        defer { TestContent.remove(folder) }
        #expect(throws: Diagnostic.self) { try TemplateSet.overriding(with: folder) }
        do {
            _ = try TemplateSet.overriding(with: folder)
        } catch {
            #expect(error.location.path == "tutor.mustache")
            #expect(error.rule == .template)
        }
        // The line is the template's own, whatever growth adds before it.
        let second = try TestContent.write(["tutor.mustache": "<h1>x</h1>\n<p>{{name</p>\n"])
        defer { TestContent.remove(second) }
        do {
            _ = try TemplateSet.overriding(with: second)
            Issue.record("an unfinished tag was accepted")
        } catch {
            #expect(error.location.line == 2, "\(error)")
        }
    }

    /// A nil field is empty where it is: Mustache does not climb to an outer
    /// view's field of the same name (a record without a tutor never shows the
    /// page's tutor), and `{{name}}` escapes `<` even before a combining mark.
    @Test func aNilFieldStaysEmptyAndTextIsEscaped() throws {
        struct Inner: Encodable { var tutor: String? }
        struct Outer: Encodable {
            var tutor: String
            var records: [Inner]
        }
        let view = Outer(tutor: "<b>\u{338}", records: [Inner(tutor: nil), Inner(tutor: "A&B")])
        // Both ways of rendering: growth's compiled templates and swift-mustache.
        for compiling in [true, false] {
            let set = try TemplateSet(
                files: ["t.mustache": "{{#records}}[{{tutor}}{{#tutor}}!{{/tutor}}{{^tutor}}-{{/tutor}}]{{/records}}"],
                compiling: compiling)
            #expect(set.render("t", TemplateValue.box(view)) == Array("[-][A&amp;B!]".utf8))
            let outer = try TemplateSet(files: ["t.mustache": "{{tutor}}"], compiling: compiling)
            #expect(outer.render("t", TemplateValue.box(view)) == Array("&lt;b&gt;\u{338}".utf8))
        }
    }

    /// A school's logo beside its templates reaches the site byte for byte.
    @Test func aBinaryAssetIsCopiedAsItIs() async throws {
        let logo: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0xFF, 0xD8]
        let folder = try TestContent.temporaryFolder()
        defer { TestContent.remove(folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try Data(logo).write(to: folder.appendingPathComponent("assets/logo.png"))
        let templates = try TemplateSet.overriding(with: folder)
        let checked = try await TestContent.check(adding: [:])
        let site = SiteBuilder.build(
            school: try #require(checked.school), asOf: day("2025-12-10"), templates: templates)
        #expect(site.files["assets/logo.png"] == logo)
        #expect(site.files["assets/style.css"] == Array(DefaultTemplates.files["assets/style.css"]!.utf8))
        // Anything else must be text: a template is read as UTF-8.
        try Data(logo).write(to: folder.appendingPathComponent("tutor.mustache"))
        #expect(throws: Diagnostic.self) { try TemplateSet.overriding(with: folder) }
    }
}
