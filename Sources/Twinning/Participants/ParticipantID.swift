/// A participant's identity on one channel, written `CHANNEL:ID` — `repl:anna`, `api:u1`,
/// `slack:T123:U456`. A bare id is a terminal (`repl:`) one.
public struct ParticipantID: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// The channel: `repl`, `api`, `slack`, `mattermost`, `teams`, ….
    public let channel: String
    /// The id within the channel (may itself contain colons, as Slack's team:user does).
    public let local: String

    /// The longest id accepted, so that hostile input cannot bloat the database.
    public static let maxLength = 256

    /// Reads `CHANNEL:ID` or a bare id; `nil` when it is empty, too long or holds control
    /// characters or spaces.
    public init?(_ text: String) {
        guard !text.isEmpty, text.count <= Self.maxLength,
              !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == " " || $0 == "\u{7F}" })
        else { return nil }
        if let colon = text.firstIndex(of: ":") {
            let channel = String(text[..<colon])
            let local = String(text[text.index(after: colon)...])
            guard !channel.isEmpty, !local.isEmpty,
                  channel.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" })
            else { return nil }
            self.channel = channel
            self.local = local
        } else {
            self.channel = "repl"
            self.local = text
        }
    }

    /// Creates an id from its parts.
    public init?(channel: String, local: String) {
        self.init("\(channel):\(local)")
    }

    /// The `CHANNEL:ID` form, as stored.
    public var description: String { "\(channel):\(local)" }

    /// The platform's own user id: the last part of the local id (`slack:T1:U1` → `U1`,
    /// `mattermost:team:user` → `user`) — whom a direct message goes to and who may click.
    public var platformUser: String {
        local.split(separator: ":").last.map(String.init) ?? local
    }

    /// The channel of the anonymous stand-ins (`erased:…`) that take an erased person's place
    /// in what they shared with others (a pair, a plan, events): nobody ever writes from it.
    public static let erasedChannel = "erased"

    /// Whether this is the anonymous stand-in of an erased person rather than someone who takes
    /// part: it has no profile, no conversation and no name, and is never counted, matched,
    /// reminded or notified.
    public var isErasedStandIn: Bool { channel == Self.erasedChannel }

    public static func < (lhs: ParticipantID, rhs: ParticipantID) -> Bool { lhs.description < rhs.description }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = ParticipantID(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\"\(text)\" is not a participant id")
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
