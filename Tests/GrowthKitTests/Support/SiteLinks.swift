import Foundation

@testable import GrowthKit

/// The internal links and asset references of a built site that lead nowhere.
enum SiteLinks {
    static func broken(in site: BuiltSite) throws -> [String] {
        let pattern = try Regex(##"(?:href|src)="([^"#?]*)(?:[#?][^"]*)?""##)
        var broken: [String] = []
        for (path, bytes) in site.files where path.hasSuffix(".html") {
            let folder = URL(fileURLWithPath: "/site/" + path).deletingLastPathComponent()
            for match in String(decoding: bytes, as: UTF8.self).matches(of: pattern) {
                let target = String(match.output[1].substring ?? "")
                if target.isEmpty { continue }
                let resolved = folder.appendingPathComponent(target).standardizedFileURL.path
                if !resolved.hasPrefix("/site/") || site.files[String(resolved.dropFirst(6))] == nil {
                    broken.append("\(path) → \(target)")
                }
            }
        }
        return broken.sorted()
    }
}
