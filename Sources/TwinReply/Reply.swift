public import Twinning
public import TwinLanguage

/// The structured reply of one turn — the contract every channel renders, and what is stored
/// for a request id (`processed_requests.reply_json`).
///
/// The contract is the assistant's, not the dialog engine's: the engine reports what a turn
/// produced in its own types, and `Reply+Engine.swift` maps them here in one place, so that a
/// change inside the engine cannot change what channels receive or what stored replies hold.
/// Channels need only this module and `TwinLanguage`. The JSON (`ReplyJSON.swift`):
///
///     {"language": "nl", "messages": [{"kind": "info", "text": "…"}], "participant": "api:anna",
///      "phase": "matching", "prompt": {"max": null, "max_date": null, "min": null, "min_date": null,
///      "optional": false, "options": [{"label": "Docent", "value": "teacher"}],
///      "progress": {"number": 2, "total": 9}, "slot": "profile.side", "text": "…", "type": "choice"},
///      "turn": 3}
///
/// `prompt` is `null` when nothing is asked; a prompt's absent limits, date limits
/// (`YYYY-MM-DD`), options and progress are `null`.
/// `turn` counts the participant's turns; a reply stored by an earlier version has none.
public struct Reply: Sendable, Hashable, Codable {
    /// Who the reply is for, as `CHANNEL:ID`.
    public var participant: String
    /// What to show, in order; the question's text is the last message when one is asked.
    public var messages: [Message]
    /// What is asked now; `nil` when nothing is.
    public var prompt: Prompt?
    /// The participant's phase of the programme.
    public var phase: Phase
    /// The participant's language now (it may have changed in this turn).
    public var language: Language
    /// The number of the participant's turn this reply ends (1 for the first), `nil` when it is
    /// not known. A button carries it, so that a click on a question asked earlier — the
    /// conversation has moved on since — is recognised and changes nothing.
    public var turn: Int?

    /// Creates a reply.
    public init(participant: String, messages: [Message], prompt: Prompt?, phase: Phase, language: Language, turn: Int? = nil) {
        self.participant = participant
        self.messages = messages
        self.prompt = prompt
        self.phase = phase
        self.language = language
        self.turn = turn
    }

    private enum CodingKeys: String, CodingKey {
        case participant, messages, prompt, phase, language, turn
    }

    // `prompt` is written as `null` when nothing is asked, as the contract shows it.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(participant, forKey: .participant)
        try c.encode(messages, forKey: .messages)
        try c.encode(prompt, forKey: .prompt)
        try c.encode(phase, forKey: .phase)
        try c.encode(language, forKey: .language)
        try c.encode(turn, forKey: .turn)
    }
}
