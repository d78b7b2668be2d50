import Foundation

/// Runs a program to its end and keeps what it printed (stdout and stderr together).
struct TestProcess {
    var status: Int32
    var output: String
    var lines: [String] { output.split(separator: "\n").map(String.init) }

    static func run(
        _ executable: URL, _ arguments: [String], in folder: URL = TestContent.packageRoot,
        environment: [String: String]? = nil
    ) throws -> TestProcess {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        if let environment { process.environment = environment }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return TestProcess(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    /// A program found on the PATH, run through `/usr/bin/env`.
    static func run(_ command: String, _ arguments: [String]) throws -> TestProcess {
        try run(URL(fileURLWithPath: "/usr/bin/env"), [command] + arguments)
    }
}
