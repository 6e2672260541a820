public import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small SMTP server on 127.0.0.1 for the tests, on plain sockets: EHLO/HELO, AUTH PLAIN and
/// LOGIN, MAIL FROM, RCPT TO, DATA, RSET, NOOP, QUIT. It records every login and every message
/// it accepted, and answers the end of each message as told — 250, or a 4xx or 5xx to test
/// retries and the dead letter. No STARTTLS is offered, so libcurl's "TLS when offered" speaks
/// plain SMTP to it.
public final class SMTPReceiver: Sendable {
    /// How to answer the end of one message's DATA.
    public enum Answer: Sendable {
        /// `250`: accepted (and recorded).
        case accept
        /// Any other code with its text, e.g. `(451, "4.3.0 try again later")`.
        case reply(Int, String)
    }

    /// A login as the client gave it.
    public struct Login: Sendable, Hashable {
        /// `PLAIN` or `LOGIN`.
        public var mechanism: String
        /// The user name.
        public var user: String
        /// The password.
        public var password: String
    }

    private struct State {
        var answers: [Answer] = []
        var mails: [ReceivedMail] = []
        var logins: [Login] = []
        var refused = 0
        var stopped = false
    }

    /// The port it listens on.
    public let port: Int
    private let listener: Int32
    private let state = Mutex(State())

    /// Starts listening on 127.0.0.1 on a free port; `answers` are used in turn for the messages,
    /// then every message is accepted.
    public init(answers: [Answer] = []) throws {
        #if canImport(Glibc)
        let stream = Int32(SOCK_STREAM.rawValue)
        #else
        let stream = SOCK_STREAM
        #endif
        let fd = socket(AF_INET, stream, 0)
        guard fd >= 0 else { throw TestFailure("socket() failed: \(errno)") }
        var yes: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 16) == 0 else {
            close(fd)
            throw TestFailure("bind/listen on 127.0.0.1 failed: \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        listener = fd
        state.withLock { $0.answers = answers }
        let thread = Thread { [self] in acceptLoop() }
        thread.name = "smtp-receiver"
        thread.start()
    }

    deinit { stop() }

    /// `smtp://127.0.0.1:PORT`.
    public var url: String { "smtp://127.0.0.1:\(port)" }

    /// The messages accepted so far, in order.
    public var mails: [ReceivedMail] { state.withLock { $0.mails } }

    /// The logins so far, in order.
    public var logins: [Login] { state.withLock { $0.logins } }

    /// How many messages were answered with a code other than 250.
    public var refusedCount: Int { state.withLock { $0.refused } }

    /// Sets how the next messages are answered (then: accepted).
    public func answerNext(_ answers: [Answer]) { state.withLock { $0.answers = answers } }

    /// Stops listening.
    public func stop() {
        let first = state.withLock { state -> Bool in
            defer { state.stopped = true }
            return !state.stopped
        }
        guard first else { return }
        _ = shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    /// Waits until `count` messages were accepted, at most `limit` seconds (a safety net against
    /// a hanging test, not a measurement); throws with what did arrive otherwise.
    public func waitForMails(_ count: Int, limit: TimeInterval = 60) async throws -> [ReceivedMail] {
        let deadline = Date().addingTimeInterval(limit)
        while Date() < deadline {
            let mails = self.mails
            if mails.count >= count { return mails }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw TestFailure("the SMTP receiver got \(mails.count) of \(count) mail(s) (refused \(refusedCount))")
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if state.withLock({ $0.stopped }) { return }
                continue
            }
            // A client that stops talking must not hold a thread for ever.
            var timeout = timeval(tv_sec: 30, tv_usec: 0)
            _ = setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            Thread.detachNewThread { [self] in
                serve(client)
                close(client)
            }
        }
    }

    private func serve(_ client: Int32) {
        var connection = Connection(fd: client)
        connection.write("220 127.0.0.1 jobtwin test receiver ESMTP")
        var from = ""
        var recipients: [String] = []
        var login: Login?
        while let line = connection.readLine() {
            let upper = line.uppercased()
            if upper.hasPrefix("EHLO") {
                connection.write("250-127.0.0.1 hello\r\n250-AUTH PLAIN LOGIN\r\n250-8BITMIME\r\n250 SIZE 10485760")
            } else if upper.hasPrefix("HELO") {
                connection.write("250 127.0.0.1 hello")
            } else if upper.hasPrefix("AUTH PLAIN") {
                var encoded = String(line.dropFirst("AUTH PLAIN".count)).trimmingCharacters(in: .whitespaces)
                if encoded.isEmpty {
                    connection.write("334 ")
                    encoded = connection.readLine() ?? ""
                }
                let parts = (Data(base64Encoded: encoded).map { String(decoding: $0, as: UTF8.self) } ?? "")
                    .split(separator: "\0", omittingEmptySubsequences: false).map(String.init)
                if parts.count == 3 {
                    login = Login(mechanism: "PLAIN", user: parts[1], password: parts[2])
                    record(login)
                    connection.write("235 2.7.0 authenticated")
                } else {
                    connection.write("501 5.5.2 cannot read the credentials")
                }
            } else if upper.hasPrefix("AUTH LOGIN") {
                var user = String(line.dropFirst("AUTH LOGIN".count)).trimmingCharacters(in: .whitespaces)
                if user.isEmpty {
                    connection.write("334 VXNlcm5hbWU6")
                    user = connection.readLine() ?? ""
                }
                connection.write("334 UGFzc3dvcmQ6")
                let password = connection.readLine() ?? ""
                func decoded(_ text: String) -> String { Data(base64Encoded: text).map { String(decoding: $0, as: UTF8.self) } ?? "" }
                login = Login(mechanism: "LOGIN", user: decoded(user), password: decoded(password))
                record(login)
                connection.write("235 2.7.0 authenticated")
            } else if upper.hasPrefix("MAIL FROM:") {
                from = Self.address(in: line)
                recipients = []
                connection.write("250 2.1.0 sender ok")
            } else if upper.hasPrefix("RCPT TO:") {
                recipients.append(Self.address(in: line))
                connection.write("250 2.1.5 recipient ok")
            } else if upper == "DATA" {
                connection.write("354 end the message with a lone dot")
                var lines: [String] = []
                while let dataLine = connection.readLine(), dataLine != "." {
                    // The client doubles a leading dot (RFC 5321 4.5.2).
                    lines.append(dataLine.hasPrefix("..") ? String(dataLine.dropFirst()) : dataLine)
                }
                let mail = ReceivedMail(from: from, recipients: recipients, data: lines.joined(separator: "\r\n"), login: login)
                switch nextAnswer() {
                case .accept:
                    let number = state.withLock { state -> Int in
                        state.mails.append(mail)
                        return state.mails.count
                    }
                    connection.write("250 2.0.0 queued as \(number)")
                case .reply(let code, let text):
                    state.withLock { $0.refused += 1 }
                    connection.write("\(code) \(text)")
                }
                from = ""
                recipients = []
            } else if upper == "RSET" {
                from = ""
                recipients = []
                connection.write("250 2.0.0 reset")
            } else if upper == "NOOP" {
                connection.write("250 2.0.0 ok")
            } else if upper == "QUIT" {
                connection.write("221 2.0.0 bye")
                return
            } else {
                connection.write("502 5.5.2 command not known")
            }
        }
    }

    private func record(_ login: Login?) {
        guard let login else { return }
        state.withLock { $0.logins.append(login) }
    }

    private func nextAnswer() -> Answer {
        state.withLock { state in state.answers.isEmpty ? .accept : state.answers.removeFirst() }
    }

    /// The address between `<` and `>` of a MAIL FROM or RCPT TO line.
    private static func address(in line: String) -> String {
        guard let open = line.firstIndex(of: "<"), let close = line[open...].firstIndex(of: ">") else { return "" }
        return String(line[line.index(after: open)..<close])
    }

    /// One client's socket: lines in (CRLF), answers out.
    private struct Connection {
        let fd: Int32
        var buffer: [UInt8] = []

        init(fd: Int32) { self.fd = fd }

        mutating func readLine() -> String? {
            while true {
                if let index = buffer.firstIndex(of: 0x0A) {
                    var line = Array(buffer[..<index])
                    buffer.removeFirst(index + 1)
                    if line.last == 0x0D { line.removeLast() }
                    return String(decoding: line, as: UTF8.self)
                }
                var chunk = [UInt8](repeating: 0, count: 4096)
                let count = recv(fd, &chunk, chunk.count, 0)
                guard count > 0 else { return nil }
                buffer += chunk[..<count]
            }
        }

        func write(_ text: String) {
            let bytes = Array((text + "\r\n").utf8)
            var sent = 0
            while sent < bytes.count {
                #if canImport(Glibc)
                let flags = Int32(MSG_NOSIGNAL)
                #else
                let flags: Int32 = 0
                #endif
                let count = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, flags) }
                guard count > 0 else { return }
                sent += count
            }
        }
    }
}
