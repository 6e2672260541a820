public import TwinConfiguration

/// What turns an `OutboundRequest` into an SMTP submission: the envelope's sender and
/// recipients, the credentials, and whether TLS is required. The request's body is then the
/// whole RFC 5322 message, sent as is after `DATA`.
public struct MailEnvelope: Sendable, Hashable {
    /// `MAIL FROM`: the sender's address.
    public var from: String
    /// `RCPT TO`: the recipients' addresses.
    public var recipients: [String]
    /// The SMTP user name, if the server wants a login.
    public var user: Secret?
    /// The SMTP password.
    public var password: Secret?
    /// Whether nothing may be sent without TLS (`smtps://`); otherwise STARTTLS is used when the
    /// server offers it.
    public var requiresTLS: Bool

    /// Creates an envelope.
    public init(from: String, recipients: [String], user: Secret? = nil, password: Secret? = nil, requiresTLS: Bool = false) {
        self.from = from
        self.recipients = recipients
        self.user = user
        self.password = password
        self.requiresTLS = requiresTLS
    }
}
