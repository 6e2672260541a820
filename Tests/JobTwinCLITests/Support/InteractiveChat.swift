import Foundation

/// A `jobtwin chat --json` process driven one line at a time: write an answer, read its reply —
/// so that a test knows exactly which answers were acknowledged before it kills the process.
final class InteractiveChat {
    private let process = Process()
    private let input = Pipe()
    private let exit: Task<Int32, Never>
    private var lines: AsyncStream<Data>.Iterator

    init(arguments: [String]) throws {
        process.executableURL = try JobTwinProcess.binary
        process.arguments = ["chat", "--json"] + arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "JOBTWIN_DB")
        process.environment = env
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        exit = try process.start()

        // Read standard output on a thread of its own, one line at a time into a stream, so that
        // waiting for a reply never blocks a cooperative thread. The stream ends with the output.
        let (stream, continuation) = AsyncStream.makeStream(of: Data.self)
        let handle = output.fileHandleForReading
        Thread.detachNewThread {
            var buffer = Data()
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                buffer.append(chunk)
                while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    continuation.yield(Data(buffer[buffer.startIndex..<newline]))
                    buffer.removeSubrange(buffer.startIndex...newline)
                }
            }
            continuation.finish()
        }
        lines = stream.makeAsyncIterator()
    }

    /// The next reply line, decoded as a JSON object.
    func readReply() async throws -> [String: Any] {
        guard let line = await lines.next() else { throw TestFailure("jobtwin chat ended before replying") }
        guard let object = try JSONSerialization.jsonObject(with: line) as? [String: Any] else {
            throw TestFailure("a reply line is not a JSON object")
        }
        return object
    }

    /// Sends one line and returns its reply.
    func send(_ line: String) async throws -> [String: Any] {
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
        return try await readReply()
    }

    /// Kills the process without warning (SIGKILL), as a crash or `kill -9` would.
    func kill() async {
        Foundation.kill(process.processIdentifier, SIGKILL)
        _ = await exit.value
    }

    /// Closes standard input and waits for the process to exit; returns its status.
    func finish() async throws -> Int32 {
        try input.fileHandleForWriting.close()
        return await exit.value
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
