import Foundation
import Yams

/// Where `jobtwin invite --send` mails the personal links (`mail:` in the configuration): an
/// SMTP server reached with libcurl, and the sender.
///
/// ```yaml
/// mail: {smtp_url: "smtp://mail.example.org:587", from: "Job Twinning <twin@example.org>"}
/// ```
///
/// `smtp://` uses STARTTLS when the server offers it; `smtps://` is TLS from the start and
/// nothing is sent without it. The credentials come from the environment only
/// (`$JOBTWIN_SMTP_USER`, `$JOBTWIN_SMTP_PASSWORD`), so that the file holds no password;
/// `$JOBTWIN_SMTP_URL` and `$JOBTWIN_SMTP_FROM` override the file.
public struct MailSettings: Sendable, Hashable {
    /// The server, e.g. `smtp://mail.example.org:587`; `nil`: no mail is sent.
    public var smtpURL: String?
    /// Where `smtpURL` was read, for messages (`jobtwin.yaml:12`, `$JOBTWIN_SMTP_URL`).
    public var smtpURLSource = "mail.smtp_url"
    /// The sender, `Name <address>` or a bare address.
    public var from: MailAddress?
    /// The SMTP user name, from `$JOBTWIN_SMTP_USER`.
    public var user: Secret?
    /// The SMTP password, from `$JOBTWIN_SMTP_PASSWORD`.
    public var password: Secret?
    /// How long one attempt (connecting, greeting, sending) may take, in seconds.
    public var timeoutSeconds: Double = 30
    /// Attempts before a mail goes to dead-letter.
    public var maxAttempts = 10

    /// The outbox target name of invitation mails.
    public static let target = "mail"

    /// The defaults: no server, so no mail.
    public init() {}

    /// Whether mail can be sent: a server and a sender.
    public var isConfigured: Bool { smtpURL != nil && from != nil }

    /// Whether the URL is `smtps://` (TLS from the start).
    public var isImplicitTLS: Bool { smtpURL?.lowercased().hasPrefix("smtps://") == true }

    /// Whether the connection must be encrypted: `smtps://`, or a login to a server that is not
    /// on this machine — STARTTLS is then required rather than tried, so that a server (or
    /// someone in between) that does not offer it never receives the password in clear.
    public var requiresTLS: Bool {
        if isImplicitTLS { return true }
        guard user != nil || password != nil else { return false }
        let host = smtpURL.flatMap { URLComponents(string: $0)?.host?.lowercased() } ?? ""
        return !(host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127."))
    }

    /// `smtp(s)://host:port`: the server as it may be shown.
    public var displayURL: String {
        guard let smtpURL, let components = URLComponents(string: smtpURL), let scheme = components.scheme,
              let host = components.host else { return "<none>" }
        return "\(scheme)://\(host)\(components.port.map { ":\($0)" } ?? "")"
    }

    /// Reads the `mail:` mapping; `place` names a node's file and line for messages.
    static func read(_ node: Node, place: (Node) -> String) throws(ConfigurationError) -> MailSettings {
        guard case .mapping(let mapping) = node else {
            throw .invalid(place(node), "`mail:` is a mapping such as {smtp_url: \"smtp://mail.example.org:587\", from: \"Job Twinning <twin@example.org>\"}")
        }
        var settings = MailSettings()
        for (keyNode, value) in mapping {
            switch keyNode.string {
            case "smtp_url":
                guard let text = value.string, !text.isEmpty else {
                    throw .invalid(place(value), "`mail.smtp_url` is an smtp:// or smtps:// URL such as smtp://mail.example.org:587")
                }
                settings.smtpURL = text
                settings.smtpURLSource = place(value)
            case "from":
                guard let text = value.string, let address = MailAddress(text) else {
                    throw .invalid(place(value), "`mail.from` is the sender, such as \"Job Twinning <twin@example.org>\"")
                }
                settings.from = address
            case "timeout_seconds":
                guard let seconds = value.string.flatMap(Double.init), seconds >= 1, seconds <= 600 else {
                    throw .invalid(place(value), "`mail.timeout_seconds` is a number of seconds from 1 to 600")
                }
                settings.timeoutSeconds = seconds
            case "max_attempts":
                guard let attempts = value.string.flatMap(Int.init), (1...100).contains(attempts) else {
                    throw .invalid(place(value), "`mail.max_attempts` is a whole number from 1 to 100")
                }
                settings.maxAttempts = attempts
            default:
                throw .invalid(place(keyNode), "unknown setting `mail.\(keyNode.string ?? "")` (known: smtp_url, from, timeout_seconds, max_attempts; the credentials come from $JOBTWIN_SMTP_USER and $JOBTWIN_SMTP_PASSWORD)")
            }
        }
        return settings
    }

    /// Takes `$JOBTWIN_SMTP_URL`, `$JOBTWIN_SMTP_FROM` and the credentials from the environment.
    mutating func apply(environment: [String: String]) throws(ConfigurationError) {
        if let url = environment["JOBTWIN_SMTP_URL"], !url.isEmpty {
            smtpURL = url
            smtpURLSource = "$JOBTWIN_SMTP_URL"
        }
        if let text = environment["JOBTWIN_SMTP_FROM"], !text.isEmpty {
            guard let address = MailAddress(text) else {
                throw .invalid("$JOBTWIN_SMTP_FROM", "the sender is an address such as \"Job Twinning <twin@example.org>\"")
            }
            from = address
        }
        user = environment["JOBTWIN_SMTP_USER"].flatMap { Secret($0, source: "$JOBTWIN_SMTP_USER") }
        password = environment["JOBTWIN_SMTP_PASSWORD"].flatMap { Secret($0, source: "$JOBTWIN_SMTP_PASSWORD") }
    }

    /// Checks the URL: smtp or smtps, with a host, without credentials in it; and a sender with it.
    func validate() throws(ConfigurationError) {
        guard let smtpURL else { return }
        guard let components = URLComponents(string: smtpURL), let scheme = components.scheme?.lowercased(),
              scheme == "smtp" || scheme == "smtps", let host = components.host, !host.isEmpty else {
            throw .invalid(smtpURLSource, "the SMTP server is an smtp:// or smtps:// URL with a host, such as smtp://mail.example.org:587")
        }
        guard components.user == nil, components.password == nil else {
            throw .invalid(smtpURLSource, "the SMTP URL holds a user or password; take it out and set $JOBTWIN_SMTP_USER and $JOBTWIN_SMTP_PASSWORD instead")
        }
        guard from != nil else {
            throw .invalid(smtpURLSource, "an SMTP server needs a sender: set `mail.from`, such as \"Job Twinning <twin@example.org>\" (or $JOBTWIN_SMTP_FROM)")
        }
        if (user == nil) != (password == nil) {
            throw .invalid(user?.source ?? "$JOBTWIN_SMTP_PASSWORD", "set both $JOBTWIN_SMTP_USER and $JOBTWIN_SMTP_PASSWORD, or neither")
        }
    }
}

/// An e-mail address with an optional display name: `Job Twinning <twin@example.org>`.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    /// The name shown, if any.
    public var name: String?
    /// The address itself (`local@domain`).
    public var address: String

    /// Reads `Name <address>`, `"Name" <address>` or a bare address; `nil` when it is none.
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var name: String? = nil
        var address = trimmed
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            var shown = trimmed[..<open].trimmingCharacters(in: .whitespaces)
            if shown.hasPrefix("\""), shown.hasSuffix("\""), shown.count >= 2 { shown = String(shown.dropFirst().dropLast()) }
            name = shown.isEmpty ? nil : shown
        }
        guard Self.isAddress(address), !(name ?? "").unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            return nil
        }
        self.name = name
        self.address = address
    }

    /// Creates an address from its parts (checked like `init(_:)`).
    public init?(name: String?, address: String) {
        guard Self.isAddress(address) else { return nil }
        self.name = name.flatMap { $0.isEmpty ? nil : $0 }
        self.address = address
    }

    /// Whether `text` is a plain `local@domain` with no spaces, brackets or control characters.
    public static func isAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
            && text.count <= 254
            && !text.unicodeScalars.contains { " <>\"(),;:\\[]".unicodeScalars.contains($0) || $0.properties.generalCategory == .control }
    }

    public var description: String { name.map { "\($0) <\(address)>" } ?? address }
}
