import TwinLanguage

/// The engine's own texts — the ones no dialog author writes — in both languages.
enum EngineText {
    static let emptyAnswer = LocalizedText(
        nl: "Je bericht was leeg. Typ je antwoord, of `hulp` voor uitleg.",
        en: "Your message was empty. Type your answer, or `help` for an explanation.")
    static let invalidText = LocalizedText(
        nl: "Je bericht bevat tekens die geen geldige tekst zijn (geen UTF-8). Typ je antwoord opnieuw.",
        en: "Your message contains characters that are not valid text (not UTF-8). Please type your answer again.")
    static let nothingToUndo = LocalizedText(
        nl: "Er is nog geen antwoord om terug te nemen.",
        en: "There is no answer to take back yet.")
    static let undone = LocalizedText(
        nl: "Je vorige antwoord is teruggenomen.",
        en: "Your previous answer has been taken back.")
    static let cannotSkip = LocalizedText(
        nl: "Deze vraag is nodig en kan niet worden overgeslagen.",
        en: "This question is required and cannot be skipped.")
    static let skipped = LocalizedText(
        nl: "Overgeslagen.",
        en: "Skipped.")
    static let skippedAfterAttempts = LocalizedText(
        nl: "Deze vraag is niet verplicht; we slaan hem over. Met `terug` kun je hem later toch beantwoorden.",
        en: "This question is optional, so we skip it. With `back` you can still answer it.")
    static let stuckHelp = LocalizedText(
        nl: "Het lukt nog niet. Je kunt het antwoord anders formuleren, `hulp` typen voor uitleg, of `stop` om later verder te gaan.",
        en: "That did not work yet. You can phrase the answer differently, type `help` for an explanation, or `stop` to continue later.")
    static let paused = LocalizedText(
        nl: "Gepauzeerd. Al je antwoorden zijn bewaard; stuur een bericht wanneer je verder wilt.",
        en: "Paused. All your answers are saved; send a message whenever you want to continue.")
    static let welcomeBack = LocalizedText(
        nl: "Welkom terug! We gaan verder waar je gebleven was.",
        en: "Welcome back! Let's continue where you left off.")
    static let restartCancelled = LocalizedText(
        nl: "We beginnen niet opnieuw; je antwoorden blijven staan.",
        en: "We won't start over; your answers stay as they are.")
    static let restarted = LocalizedText(
        nl: "We beginnen dit deel opnieuw.",
        en: "We start this part over.")
    static let languageSwitched = LocalizedText(
        nl: "De taal is nu Nederlands.",
        en: "The language is now English.")
    static let languageUsage = LocalizedText(
        nl: "Kies een taal met `taal nl` (Nederlands) of `taal en` (English).",
        en: "Choose a language with `language en` (English) or `language nl` (Nederlands).")
    static let dialogsChanged = LocalizedText(
        nl: "Het gesprek is intussen aangepast. We gaan verder op een veilig punt; je eerdere antwoorden zijn bewaard.",
        en: "The conversation has been updated in the meantime. We continue at a safe point; your earlier answers are kept.")
    static let yesOrNo = LocalizedText(
        nl: "Antwoord met ja of nee.",
        en: "Answer yes or no.")

    static let commands = LocalizedText(
        nl: """
        Je kunt altijd typen:
        • hulp — uitleg bij deze vraag
        • terug — je vorige antwoord terugnemen
        • overslaan — een vraag overslaan die niet verplicht is
        • status — waar je bent en wat er nog komt
        • opnieuw — dit deel opnieuw beginnen
        • taal en / taal nl — Engels of Nederlands
        • stop — pauzeren; je gaat later verder waar je was
        """,
        en: """
        You can always type:
        • help — an explanation of this question
        • back — take back your previous answer
        • skip — skip a question that is not required
        • status — where you are and what comes next
        • restart — start this part over
        • language en / language nl — English or Dutch
        • stop — pause; later you continue where you were
        """)

    static func unknownCommand(_ command: String) -> LocalizedText {
        LocalizedText(
            nl: "`\(command)` ken ik niet. Typ `hulp` voor de commando's.",
            en: "I don't know `\(command)`. Type `help` for the commands.")
    }

    static func restartQuestion(_ title: LocalizedText) -> LocalizedText {
        LocalizedText(
            nl: "Wil je \"\(title.nl)\" opnieuw beginnen? Je antwoorden in dit deel worden gewist. (ja/nee)",
            en: "Do you want to start \"\(title.en)\" over? Your answers in this part will be cleared. (yes/no)")
    }

    static func status(context: String?, title: LocalizedText, progress: QuestionProgress?, question: String?,
                       next: String?, answered: Int) -> LocalizedText {
        LocalizedText { language in
            var lines = context.map { [$0] } ?? []
            switch language {
            case .nl:
                lines.append("Je bent bij: \(title.nl)" + (progress.map { ", vraag \($0.number) van \($0.total)" } ?? "") + ".")
                if let question { lines.append("Nu: \(question)") }
                lines.append(next.map { "Daarna: \($0)" } ?? "Daarna: het einde van dit deel.")
                lines.append("Beantwoord tot nu toe: \(answered).")
            case .en:
                lines.append("You are at: \(title.en)" + (progress.map { ", question \($0.number) of \($0.total)" } ?? "") + ".")
                if let question { lines.append("Now: \(question)") }
                lines.append(next.map { "Next: \($0)" } ?? "Next: the end of this part.")
                lines.append("Answered so far: \(answered).")
            }
            return lines.joined(separator: "\n")
        }
    }
}
