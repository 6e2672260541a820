import Foundation
import TwinLanguage

/// The words with which a participant switches the assistant's own messages off or on —
/// "geen herinneringen" / "herinneringen aan", "no reminders" / "reminders on" — taken in any
/// conversation, at any question, like the dialog commands. Only phrases that no question of the
/// programme would get as its answer.
enum MessagePreferenceCommand {
    /// Spellings that switch direct messages off.
    static let off: Set<String> = [
        "geen herinneringen", "herinneringen uit", "stop herinneringen", "herinneringen stoppen",
        "no reminders", "reminders off", "stop reminders",
    ]
    /// Spellings that switch them on again.
    static let on: Set<String> = [
        "herinneringen aan", "wel herinneringen", "herinneringen graag", "start herinneringen",
        "reminders on", "start reminders", "send reminders",
    ]

    /// `true` (on) or `false` (off) when `text` is one of the spellings; `nil` otherwise.
    static func parse(_ text: String) -> Bool? {
        let words = text.lowercased()
            .trimmingCharacters(in: CharacterSet.whitespacesAndNewlines.union(CharacterSet(charactersIn: ".!?")))
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if off.contains(words) { return false }
        if on.contains(words) { return true }
        return nil
    }

    /// What the assistant says after the choice, before the question the participant is at.
    static func confirmation(_ directMessages: Bool, in language: Language) -> String {
        directMessages
            ? language.text(nl: "Goed, ik stuur je weer een bericht als er iets voor je klaarligt: een herinnering, een planning of activiteit om te bevestigen, een bericht van de coördinator. 's Avonds en in het weekend wacht ik daarmee. Uitzetten kan met 'geen herinneringen'.",
                            en: "All right, I will message you again when something is waiting for you: a reminder, a plan or activity to confirm, a message from the coordinator. In the evening and at weekends I wait. Switch it off with 'no reminders'.")
            : language.text(nl: "Goed, ik stuur je geen berichten meer uit mezelf. Wat er voor je klaarligt, zie je als je mij een bericht stuurt. Weer aanzetten kan met 'herinneringen aan'.",
                            en: "All right, I will not message you on my own any more. What is waiting for you, you will see when you send me a message. Switch it on again with 'reminders on'.")
    }
}
