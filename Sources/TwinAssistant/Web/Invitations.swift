import Foundation
public import Twinning
public import TwinLanguage
public import TwinStore

/// Personal invitation links to the web chat and the browser sessions they open: the logic of
/// `jobtwin invite` and of `GET /chat/TOKEN`, with no I/O beyond the repository.
///
/// A link's token is random (256 bits) and stored only as its SHA-256; it opens until it expires
/// or is revoked, on as many devices as the person likes (mail scanners open links too, so it
/// is not single-use). Every invitation and revocation is written to the audit log in the same
/// transaction.
public struct Invitations: Sendable {
    /// Where links and sessions are kept.
    public let repository: any TwinRepository
    /// The time links are made, checked and opened at.
    public let clock: any WallClock
    /// Days a link opens unless the request says otherwise (`web.invitation_days`).
    public let validityDays: Int
    /// The language of a participant made by an invitation (`language:`).
    public let language: Language

    /// The channel of the web chat's participants: `web:…`.
    public static let channel = "web"

    /// Creates the service.
    public init(repository: any TwinRepository, clock: any WallClock = SystemClock(), validityDays: Int = 30,
                language: Language = .default) {
        self.repository = repository
        self.clock = clock
        self.validityDays = validityDays
        self.language = language
    }

    /// Makes one link: a new `web:` participant, or the one an earlier link to the same e-mail
    /// address made. `actor` is who is named in the audit log.
    ///
    /// - Throws: `InvitationError` for a request that cannot be taken (nothing is stored).
    public func invite(_ request: InvitationRequest, actor: String) async throws -> IssuedInvitation {
        guard let issued = try await invite([request], actor: actor).first else { throw InvitationError.invalidName(request.name) }
        return issued
    }

    /// Makes a link for each request, all in one transaction: every one is made, or (when one
    /// request cannot be taken) none. With `mail`, each link's e-mail is queued in the outbox in
    /// the same transaction (`jobtwin invite --send`), and the audit line says so: no link is
    /// made whose mail could be lost.
    ///
    /// - Throws: `InvitationError` naming the first request that cannot be taken; what `mail`
    ///   throws (then nothing is stored).
    public func invite(_ requests: [InvitationRequest], actor: String,
                       mail: (@Sendable (InvitationRequest, IssuedInvitation) throws -> NewDelivery)? = nil) async throws -> [IssuedInvitation] {
        let checked = try requests.map(Self.checked)
        let now = clock.now()
        let validityDays = self.validityDays, language = self.language
        // The tokens are drawn outside the transaction; the transaction only stores their digests.
        let tokens = checked.map { _ in WebSecret.make() }
        return try await repository.transaction { tx in
            var issued: [IssuedInvitation] = []
            var madeForEmail: [String: ParticipantID] = [:]
            for (request, token) in zip(checked, tokens) {
                let key = request.email?.lowercased()
                var existing: ParticipantID? = nil
                if let key { existing = try madeForEmail[key] ?? tx.invitedParticipant(email: key) }
                if let found = existing, try tx.participant(found) == nil { existing = nil }
                let participant: ParticipantID
                var participantLanguage = request.language ?? language
                if let existing {
                    participant = existing
                    if request.language == nil, let known = try tx.participant(existing) { participantLanguage = known.language }
                } else {
                    guard let made = ParticipantID(channel: Self.channel, local: WebSecret.participantLocal()) else {
                        throw InvitationError.invalidName(request.name)
                    }
                    participant = made
                    try tx.save(Participant(id: made, language: participantLanguage, createdAt: now))
                }
                if let key { madeForEmail[key] = participant }
                let expires = now.addingTimeInterval(TimeInterval(request.days ?? validityDays) * 86_400)
                try tx.save(Invitation(participant: participant, name: request.name, email: request.email, side: request.side,
                                       isCoordinator: request.isCoordinator, createdAt: now, expiresAt: expires),
                            token: SecretDigest(of: token))
                try tx.audit(AuditEntry(at: now, actor: actor, action: "invite", subject: participant.description,
                                        detail: "invitation link valid until \(Self.day(expires))"
                                            + (request.isCoordinator ? ", as a coordinator" : "")
                                            + (existing != nil ? ", for an existing participant" : "")
                                            + (mail != nil ? ", queued to be e-mailed" : "")))
                let made = IssuedInvitation(participant: participant, token: token, expiresAt: expires,
                                            isExistingParticipant: existing != nil, language: participantLanguage)
                if let mail { try tx.enqueue([mail(request, made)]) }
                issued.append(made)
            }
            return issued
        }
    }

    /// What a revocation ended.
    public struct Revocation: Sendable, Hashable {
        /// Links revoked.
        public var links: Int
        /// Browser sessions ended.
        public var sessions: Int
    }

    /// Revokes every link of the participant and ends their browser sessions; audited.
    ///
    /// - Throws: `InvitationError.notInvited` when the participant never had a link.
    public func revoke(_ participant: ParticipantID, actor: String) async throws -> Revocation {
        let now = clock.now()
        return try await repository.transaction { tx in
            guard !(try tx.invitations(of: participant)).isEmpty else { throw InvitationError.notInvited(participant.description) }
            let links = try tx.revokeInvitations(of: participant, at: now)
            // A mail still waiting would carry a link that no longer opens.
            _ = try tx.dropInvitationMails(now: now, of: participant)
            let sessions = try tx.endWebSessions(of: participant, at: now)
            try tx.audit(AuditEntry(at: now, actor: actor, action: "invite.revoke", subject: participant.description,
                                    detail: "revoked \(links) invitation link(s), ended \(sessions) browser session(s)"))
            return Revocation(links: links, sessions: sessions)
        }
    }

    /// Opens a link: a new browser session for its participant.
    ///
    /// - Throws: `WebAccessError` when the token is unknown, expired or revoked; the store's
    ///   errors when the database cannot be used.
    public func open(token: String) async throws -> OpenedWebSession {
        guard WebSecret.isWellFormed(token) else { throw WebAccessError.unknown }
        let digest = SecretDigest(of: token)
        let sessionID = WebSecret.make()
        let now = clock.now()
        return try await repository.transaction { tx in
            guard let invitation = try tx.invitation(token: digest),
                  let participant = try tx.participant(invitation.participant) else { throw WebAccessError.unknown }
            if invitation.revokedAt != nil { throw WebAccessError.revoked(participant.language) }
            if invitation.expiresAt <= now { throw WebAccessError.expired(participant.language) }
            try tx.startWebSession(SecretDigest(of: sessionID), for: participant.id, at: now)
            return OpenedWebSession(sessionID: sessionID, participant: participant.id, language: participant.language,
                                    isCoordinator: invitation.isCoordinator)
        }
    }

    /// Whom a browser session signs in as: the participant and their language, or `nil` when the
    /// cookie names no active session. Notes that the browser was seen.
    public func participant(session sessionID: String) async throws -> (ParticipantID, Language)? {
        try await signedIn(session: sessionID) { _, _ in () }.map { ($0.participant, $0.language) }
    }

    /// The participant of an active browser session and what `alsoRead` reads for them, in one
    /// read of the database (the chat page reads the conversation with it: `Assistant.view`);
    /// `nil` for a session that is unknown or ended.
    public func signedIn<Extra: Sendable>(session sessionID: String,
                                          alsoRead: @escaping @Sendable (ParticipantID, any TwinReader) throws -> Extra) async throws
        -> (participant: ParticipantID, language: Language, extra: Extra)? {
        guard WebSecret.isWellFormed(sessionID) else { return nil }
        let digest = SecretDigest(of: sessionID)
        let now = clock.now()
        // Read first: a page view must not queue for SQLite's single writer. The last use is
        // kept to the minute, as a participant's last activity, so only then is it written.
        let found = try await repository.read { reader -> (ParticipantID, Language, Bool, Extra)? in
            guard let session = try reader.webSession(digest), session.isActive,
                  let participant = try reader.participant(session.participant) else { return nil }
            return (participant.id, participant.language, session.lastSeenAt < now.addingTimeInterval(-60),
                    try alsoRead(participant.id, reader))
        }
        guard let (participant, language, stale, extra) = found else { return nil }
        if stale {
            // Ended meanwhile (signed out, revoked)? Then it is not touched, and not let in.
            let stillActive = try await repository.transaction { tx -> Bool in
                guard try tx.isWebSessionActive(digest) else { return false }
                try tx.touchWebSession(digest, at: now)
                return true
            }
            guard stillActive else { return nil }
        }
        return (participant, language, extra)
    }

    /// A check that the browser session `sessionID` is still active, for a turn to run inside
    /// its own transaction (`Assistant.pressIfCurrent`): a session ended meanwhile — signed
    /// out, revoked or erased, by this process or another — lets no answer through.
    public func isActive(session sessionID: String) -> @Sendable (any TwinReader) throws -> Bool {
        let digest = WebSecret.isWellFormed(sessionID) ? SecretDigest(of: sessionID) : nil
        return { reader in
            guard let digest else { return false }
            return try reader.isWebSessionActive(digest)
        }
    }

    /// Ends a browser session (signing out); `false` when there was no active one.
    public func signOut(session sessionID: String) async throws -> Bool {
        guard WebSecret.isWellFormed(sessionID) else { return false }
        let digest = SecretDigest(of: sessionID)
        let now = clock.now()
        return try await repository.transaction { tx in try tx.endWebSession(digest, at: now) }
    }

    /// Whether the participant was invited as a coordinator (for the web's coordinator pages).
    public func isCoordinator(_ participant: ParticipantID) async throws -> Bool {
        try await repository.read { try $0.isWebCoordinator(participant) }
    }

    /// `request` with its texts trimmed, checked — what `invite` does first, for a caller that
    /// checks many requests before making any (`jobtwin invite --csv`).
    ///
    /// - Throws: `InvitationError` saying what is wrong with it.
    public static func checked(_ request: InvitationRequest) throws(InvitationError) -> InvitationRequest {
        var request = request
        request.name = request.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !request.name.isEmpty, request.name.count <= InvitationError.maxNameLength,
              !request.name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .invalidName(request.name)
        }
        if let email = request.email?.trimmingCharacters(in: .whitespaces) {
            if email.isEmpty {
                request.email = nil
            } else {
                let parts = email.split(separator: "@", omittingEmptySubsequences: false)
                guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
                      email.count <= 254, !email.unicodeScalars.contains(where: { $0 == " " || $0.properties.generalCategory == .control })
                else { throw .invalidEmail(email) }
                request.email = email
            }
        }
        if let days = request.days, !(1...365).contains(days) { throw .invalidDays(days) }
        return request
    }

    private static func day(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: date)
    }
}
