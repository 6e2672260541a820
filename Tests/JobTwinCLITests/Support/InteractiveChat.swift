import Foundation
import JobTwinTestSupport

/// A `jobtwin chat --json` process driven one line at a time: write an answer, read its reply —
/// so that a test knows exactly which answers were acknowledged before it kills the process.
final class InteractiveChat {
    private let process = ChildProcess()
    private let input = Pipe()
    private let output = Pipe()
    private var buffer = Data()

    init(arguments: [String]) throws {
        process.executableURL = try JobTwinProcess.binary
        process.arguments = ["chat", "--json"] + arguments
        process.environment = JobTwinProcess.environment()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
    }

    /// The next reply line, decoded as a JSON object.
    func readReply() throws -> [String: Any] {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[buffer.startIndex..<newline]
                buffer.removeSubrange(buffer.startIndex...newline)
                guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                    throw TestFailure("a reply line is not a JSON object")
                }
                return object
            }
            let chunk = output.fileHandleForReading.nextChunk()
            if chunk.isEmpty { throw TestFailure("jobtwin chat ended before replying") }
            buffer.append(chunk)
        }
    }

    /// Sends one line and returns its reply.
    func send(_ line: String) throws -> [String: Any] {
        input.fileHandleForWriting.writeAll(Data((line + "\n").utf8))
        return try readReply()
    }

    /// Kills the process without warning (SIGKILL), as a crash or `kill -9` would.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Closes standard input and waits for the process to exit; returns its status.
    func finish() throws -> Int32 {
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

extension Dictionary where Key == String, Value == Any {
    /// The slot the reply asks for, or nil.
    var promptSlot: String? { (self["prompt"] as? [String: Any])?["slot"] as? String }
    /// The message texts of the reply.
    var texts: [String] { (self["messages"] as? [[String: Any]])?.compactMap { $0["text"] as? String } ?? [] }
    /// The message kinds of the reply.
    var kinds: [String] { (self["messages"] as? [[String: Any]])?.compactMap { $0["kind"] as? String } ?? [] }
}
