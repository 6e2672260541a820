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
///      "phase": "matching", "prompt": {"max": null, "min": null, "optional": false,
///      "options": [{"label": "Docent", "value": "teacher"}], "slot": "profile.side",
///      "text": "…", "type": "choice"}}
///
/// `prompt` is `null` when nothing is asked; a prompt's absent limits and options are `null`.
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

    /// Creates a reply.
    public init(participant: String, messages: [Message], prompt: Prompt?, phase: Phase, language: Language) {
        self.participant = participant
        self.messages = messages
        self.prompt = prompt
        self.phase = phase
        self.language = language
    }

    private enum CodingKeys: String, CodingKey {
        case participant, messages, prompt, phase, language
    }

    // `prompt` is written as `null` when nothing is asked, as the contract shows it.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(participant, forKey: .participant)
        try c.encode(messages, forKey: .messages)
        try c.encode(prompt, forKey: .prompt)
        try c.encode(phase, forKey: .phase)
        try c.encode(language, forKey: .language)
    }
}
