public import Twinning
public import TwinLanguage

/// Whom a coordinator invites to the web chat (`jobtwin invite`, one line of `--csv`).
public struct InvitationRequest: Sendable, Hashable {
    /// The person's name, as the coordinator writes it.
    public var name: String
    /// Their e-mail address, if known: a second invitation to the same address reaches the same
    /// participant.
    public var email: String?
    /// Their side, if known.
    public var side: Side?
    /// Whether the link makes them a coordinator in the web chat.
    public var isCoordinator: Bool
    /// Days the link opens; the configuration's `web.invitation_days` when `nil`.
    public var days: Int?
    /// The language of a new participant and of the invitation mail; `nil`: an existing
    /// participant's own, else the configuration's `language:`.
    public var language: Language?

    /// Creates a request.
    public init(name: String, email: String? = nil, side: Side? = nil, isCoordinator: Bool = false, days: Int? = nil,
                language: Language? = nil) {
        self.language = language
        self.name = name
        self.email = email
        self.side = side
        self.isCoordinator = isCoordinator
        self.days = days
    }
}
