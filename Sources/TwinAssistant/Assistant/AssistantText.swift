import DialogEngine
import TwinLanguage

/// The assistant's own texts, in both languages.
enum AssistantText {
    static let finishCurrentQuestion = LocalizedText(
        nl: "Je bent nog met iets anders bezig; maak dat eerst af. Daarna vind je dit in het menu.",
        en: "You are still in the middle of something else; finish that first. Then you will find this in the menu.")
    static let stepNotOffered = LocalizedText(
        nl: "Dat staat nu niet open; misschien is het al gedaan. Dit kun je nu doen:",
        en: "That is not open now; perhaps it has been done already. This is what you can do now:")
    static let changedSince = LocalizedText(
        nl: "Er is intussen iets veranderd; kijk het hieronder na voor je antwoordt.",
        en: "Something has changed meanwhile; look it over below before you answer.")
    static let turnFailed = LocalizedText(
        nl: "Er ging iets mis bij het verwerken van je bericht; er is niets van opgeslagen. Probeer het nog eens. Blijft het misgaan, meld het dan bij de coördinator.",
        en: "Something went wrong while handling your message; nothing of it was saved. Please try again. If it keeps failing, tell the coordinator.")
    static let sessionUnreadable = LocalizedText(
        nl: "Je eerdere gesprek kon niet worden gelezen; we beginnen opnieuw. Je opgeslagen profiel blijft bewaard.",
        en: "Your earlier conversation could not be read, so we start again. Your saved profile is kept.")
}
