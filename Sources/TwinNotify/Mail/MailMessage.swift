public import Foundation
public import TwinConfiguration
public import TwinLanguage

/// An e-mail as the outbox stores and sends it: an RFC 5322 message in UTF-8 with a plain-text
/// and an HTML part (`multipart/alternative`, both quoted-printable), the headers a mail client
/// and a spam filter expect (`From`, `To`, `Subject` as an encoded word, `Date`, `Message-ID`),
/// and nothing that depends on the moment it is sent — so that every retry sends the same bytes.
public struct MailMessage: Sendable, Hashable {
    /// The sender.
    public var from: MailAddress
    /// The recipient.
    public var to: MailAddress
    /// The subject line.
    public var subject: String
    /// The plain-text part.
    public var text: String
    /// The HTML part (a whole document, already escaped).
    public var html: String
    /// The language of both parts (`Content-Language`).
    public var language: Language
    /// When it was written (`Date`).
    public var date: Date
    /// The unique id, without the angle brackets: `UUID@sender's domain`.
    public var messageID: String

    /// Creates a message; the id is new, under the sender's domain.
    public init(from: MailAddress, to: MailAddress, subject: String, text: String, html: String, language: Language, date: Date) {
        self.from = from
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
        self.language = language
        self.date = date
        let domain = from.address.split(separator: "@").last.map(String.init) ?? "jobtwin.invalid"
        messageID = "\(UUID().uuidString.lowercased())@\(domain)"
    }

    /// The message as sent after `DATA`: CRLF line ends, lines of at most 78 characters.
    public func rendered() -> Data {
        let boundary = "=_jobtwin_" + messageID.prefix(while: { $0 != "@" }).replacingOccurrences(of: "-", with: "")
        var lines = [
            "From: " + Self.header(address: from),
            "To: " + Self.header(address: to),
            "Subject: " + Self.encodedWords(subject, prefixLength: "Subject: ".count),
            "Date: " + Self.date(date),
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
            "Content-Language: \(language.rawValue)",
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
            "",
            "--\(boundary)",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            Self.quotedPrintable(text),
            "--\(boundary)",
            "Content-Type: text/html; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "",
            Self.quotedPrintable(html),
            "--\(boundary)--",
        ]
        lines.append("")
        return Data(lines.joined(separator: "\r\n").utf8)
    }

    /// The address in the `To:` header of a rendered message: the envelope's recipient when the
    /// outbox sends it. `nil` when there is none.
    public static func recipient(of message: Data) -> String? {
        let text = String(decoding: message, as: UTF8.self)
        let head = text.components(separatedBy: "\r\n\r\n").first ?? ""
        // Folded headers continue on lines that start with white space.
        let unfolded = head.replacingOccurrences(of: "\r\n ", with: " ").replacingOccurrences(of: "\r\n\t", with: " ")
        guard let line = unfolded.components(separatedBy: "\r\n").first(where: { $0.lowercased().hasPrefix("to:") }) else { return nil }
        let value = line.dropFirst(3).trimmingCharacters(in: .whitespaces)
        let address: String
        if let open = value.lastIndex(of: "<"), let close = value.lastIndex(of: ">"), open < close {
            address = String(value[value.index(after: open)..<close])
        } else {
            address = value
        }
        return MailAddress.isAddress(address) ? address : nil
    }

    /// `Name <address>` with the name quoted, or as encoded words when it is not plain ASCII.
    static func header(address: MailAddress) -> String {
        guard let name = address.name else { return "<\(address.address)>" }
        let plain = name.unicodeScalars.allSatisfy { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }
        let shown = plain
            ? "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
            : encodedWords(name, prefixLength: 6)
        return "\(shown) <\(address.address)>"
    }

    /// `text` as RFC 2047 encoded words (`=?UTF-8?B?…?=`), each at most 75 characters, folded
    /// onto new lines; plain ASCII text is left as it is.
    static func encodedWords(_ text: String, prefixLength: Int) -> String {
        if text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }), text.count + prefixLength <= 78 {
            return text
        }
        var words: [String] = []
        var chunk = ""
        // 45 bytes make 60 base64 characters: with `=?UTF-8?B?` and `?=` a word of 72.
        for character in text {
            if chunk.utf8.count + String(character).utf8.count > 45 {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?" + Data($0.utf8).base64EncodedString() + "?=" }.joined(separator: "\r\n ")
    }

    /// `text` as quoted-printable (RFC 2045) with CRLF line ends: lines of at most 76
    /// characters, soft breaks where longer, and every byte outside printable ASCII encoded.
    static func quotedPrintable(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF")
        var output: [String] = []
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        for line in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            var encoded = ""
            var length = 0
            let bytes = Array(line.utf8)
            for (index, byte) in bytes.enumerated() {
                let isLast = index == bytes.count - 1
                let piece: String
                if (byte == 0x20 || byte == 0x09) && !isLast {
                    piece = String(UnicodeScalar(byte))
                } else if byte >= 33 && byte <= 126 && byte != 0x3D && !(byte == 0x2E && length == 0) {
                    piece = String(UnicodeScalar(byte))
                } else {
                    // `=`, non-ASCII, trailing white space, and a leading `.` (a lone dot ends DATA).
                    piece = "=" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0x0F)])
                }
                if length + piece.count > 75 {
                    output.append(encoded + "=")
                    encoded = ""
                    length = 0
                }
                encoded += piece
                length += piece.count
            }
            output.append(encoded)
        }
        return output.joined(separator: "\r\n")
    }

    /// An RFC 5322 date: `Mon, 07 Dec 2026 09:30:00 +0000`.
    static func date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
