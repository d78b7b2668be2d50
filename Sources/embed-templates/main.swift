import Foundation

// embed-templates TEMPLATES_DIR OUTPUT.swift: every file of the folder (hidden
// ones skipped) as `DefaultTemplates.files`, path → text, in path order. Run
// by the EmbedTemplates build-tool plugin.
let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: embed-templates TEMPLATES_DIR OUTPUT.swift\n".utf8))
    exit(2)
}
let root = URL(fileURLWithPath: arguments[1]).standardizedFileURL
var files: [(String, String)] = []
guard let walker = FileManager.default.enumerator(atPath: root.path) else {
    FileHandle.standardError.write(Data("embed-templates: cannot read \(root.path)\n".utf8))
    exit(1)
}
while let path = walker.nextObject() as? String {
    var isFolder: ObjCBool = false
    let full = root.path + "/" + path
    guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue,
        !path.split(separator: "/").contains(where: { $0.hasPrefix(".") })
    else { continue }
    guard let data = FileManager.default.contents(atPath: full), let text = String(data: data, encoding: .utf8) else {
        FileHandle.standardError.write(Data("embed-templates: \(path) is not UTF-8 text\n".utf8))
        exit(1)
    }
    files.append((path, text))
}

/// A raw string literal that holds `text` as it is.
func literal(_ text: String) -> String {
    var hashes = "#"
    while text.contains("\"\"\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
    return "\(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)"
}

var out = [
    "// Generated at build time by the EmbedTemplates plugin from Templates/.",
    "",
    "/// The default templates and assets, embedded so the binary finds them anywhere.",
    "enum DefaultTemplates {",
    "    static let files: [String: String] = [",
]
for (path, text) in files.sorted(by: { $0.0 < $1.0 }) {
    out.append("        \"\(path)\": \(literal(text)),")
}
out += ["    ]", "}", ""]
do {
    try out.joined(separator: "\n").write(toFile: arguments[2], atomically: true, encoding: .utf8)
} catch {
    FileHandle.standardError.write(Data("embed-templates: cannot write \(arguments[2]): \(error)\n".utf8))
    exit(1)
}
