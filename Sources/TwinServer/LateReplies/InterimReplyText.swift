import TwinLanguage

/// What a participant sees when their turn takes longer than the platform waits for: in their
/// language when it is known, else in Dutch and English.
enum InterimReplyText {
    /// Slack, when the reply follows through the slash command's `response_url`.
    static func onItsWay(_ language: Language?) -> String {
        text(language,
             nl: "⏳ Je antwoord is onderweg: het verschijnt hier zo meteen.",
             en: "⏳ Your answer is on its way: it will appear here in a moment.")
    }

    /// When the reply cannot follow by itself (Teams' outgoing webhooks; a slash command
    /// without a usable `response_url`): the message was taken, `status` shows where they are.
    static func received(_ language: Language?, status: String) -> String {
        text(language,
             nl: "✅ Je bericht is ontvangen en wordt verwerkt. Stuur zo meteen \(status) om te zien waar je bent.",
             en: "✅ Your message was received and is being handled. Send \(status) in a moment to see where you are.")
    }

    /// Slack, when the turn that was on its way could not be saved after all.
    static func failed(_ language: Language?) -> String {
        text(language,
             nl: "❌ Je bericht kon niet worden verwerkt; er is niets van bewaard. Stuur het over een minuut opnieuw.",
             en: "❌ Your message could not be handled; nothing of it was kept. Please send it again in a minute.")
    }

    /// In the participant's language; both, Dutch first, when it is not known yet.
    private static func text(_ language: Language?, nl: String, en: String) -> String {
        guard let language else { return nl + "\n" + en }
        return language.text(nl: nl, en: en)
    }
}
