import Foundation

/// A message as the test SMTP server received it, with what a test reads of it: a header
/// (unfolded, encoded words decoded), and a MIME part's text (quoted-printable or base64
/// decoded).
public struct ReceivedMail: Sendable, Hashable {
    /// `MAIL FROM`.
    public var from: String
    /// `RCPT TO`, in order.
    public var recipients: [String]
    /// The message after DATA, CRLF line ends, dots unstuffed.
    public var data: String
    /// The login of the session that sent it, if any.
    public var login: SMTPReceiver.Login?

    /// Creates a received message.
    public init(from: String, recipients: [String], data: String, login: SMTPReceiver.Login?) {
        self.from = from
        self.recipients = recipients
        self.data = data
        self.login = login
    }

    /// The top-level header `name` (case-insensitive), unfolded, with encoded words decoded.
    public func header(_ name: String) -> String? {
        Self.header(name, in: Self.split(data).head)
    }

    /// The decoded text of the part whose `Content-Type` starts with `type` (`text/plain`).
    public func part(_ type: String) -> String? {
        guard let boundary = header("Content-Type").flatMap(Self.boundary) else { return nil }
        let body = Self.split(data).body
        for chunk in body.components(separatedBy: "--" + boundary).dropFirst() {
            if chunk.hasPrefix("--") { break }
            // "\r\n" is one Character in Swift.
            let trimmed = chunk.hasPrefix("\r\n") ? String(chunk.dropFirst()) : chunk
            let (head, content) = Self.split(trimmed)
            guard let contentType = Self.header("Content-Type", in: head), contentType.lowercased().hasPrefix(type.lowercased()) else { continue }
            let encoding = Self.header("Content-Transfer-Encoding", in: head)?.lowercased() ?? "7bit"
            let text = content.hasSuffix("\r\n") ? String(content.dropLast()) : content
            switch encoding {
            case "quoted-printable": return Self.quotedPrintable(text)
            case "base64":
                return Data(base64Encoded: text.replacingOccurrences(of: "\r\n", with: "")).map { String(decoding: $0, as: UTF8.self) }
            default: return text
            }
        }
        return nil
    }

    /// Decodes quoted-printable text (soft line breaks joined, `=XX` decoded), as UTF-8.
    public static func quotedPrintable(_ text: String) -> String {
        var bytes: [UInt8] = []
        let source = Array(text.replacingOccurrences(of: "=\r\n", with: "").utf8)
        var index = 0
        while index < source.count {
            if source[index] == UInt8(ascii: "="), index + 2 < source.count + 0,
               let value = UInt8(String(decoding: source[(index + 1)...(index + 2)], as: UTF8.self), radix: 16) {
                bytes.append(value)
                index += 3
            } else {
                bytes.append(source[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Decodes RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?UTF-8?Q?…?=`); white space between two
    /// words is dropped, as the RFC says.
    public static func decodedWords(_ text: String) -> String {
        var result = ""
        var rest = Substring(text)
        var lastWasWord = false
        while let start = rest.range(of: "=?") {
            let between = rest[..<start.lowerBound]
            guard let end = rest[start.upperBound...].range(of: "?=") else { break }
            let word = rest[start.upperBound..<end.lowerBound].split(separator: "?", maxSplits: 2).map(String.init)
            if !(lastWasWord && between.allSatisfy(\.isWhitespace)) { result += between }
            if word.count == 3, word[1].uppercased() == "B", let data = Data(base64Encoded: word[2]) {
                result += String(decoding: data, as: UTF8.self)
            } else if word.count == 3 {
                result += quotedPrintable(word[2].replacingOccurrences(of: "_", with: " "))
            }
            lastWasWord = true
            rest = rest[end.upperBound...]
        }
        return result + rest
    }

    private static func split(_ text: String) -> (head: String, body: String) {
        guard let range = text.range(of: "\r\n\r\n") else { return (text, "") }
        return (String(text[..<range.lowerBound]), String(text[range.upperBound...]))
    }

    private static func header(_ name: String, in head: String) -> String? {
        let unfolded = head.replacingOccurrences(of: "\r\n ", with: " ").replacingOccurrences(of: "\r\n\t", with: " ")
        for line in unfolded.components(separatedBy: "\r\n") {
            guard let colon = line.firstIndex(of: ":"), line[..<colon].lowercased() == name.lowercased() else { continue }
            return decodedWords(line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return nil
    }

    private static func boundary(_ contentType: String) -> String? {
        guard let range = contentType.range(of: "boundary=") else { return nil }
        var value = contentType[range.upperBound...].trimmingCharacters(in: .whitespaces)
        if value.hasPrefix("\"") { value = String(value.dropFirst().prefix { $0 != "\"" }) }
        return value.isEmpty ? nil : value
    }
}
