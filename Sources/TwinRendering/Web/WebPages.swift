public import TwinLanguage

/// The web chat's small pages besides the conversation, for the chat endpoints: an unknown
/// link (serve with status 404), an expired or revoked link (410), and the page after *Stop /
/// afmelden* (200). Each is complete — the same stylesheet as the chat, `<html lang>` in the
/// language given, no script — and says what to do next, so that nobody meets a blank page or
/// a stack trace.
public enum WebPages {
    /// The page for a link no invitation has (mistyped, or never made): ask the coordinator
    /// for a new one. Who opened it is not known, so the page says it in the other language too.
    public static func linkNotFound(_ language: Language = .default) -> String {
        page(language, title: LocalizedText(nl: "Link niet gevonden", en: "Link not found"),
             paragraphs: [
                LocalizedText(nl: "Deze link kennen we niet. Misschien is hij niet helemaal gekopieerd: kijk of je de hele link uit je uitnodiging hebt gebruikt.",
                              en: "We do not know this link. Perhaps it was not copied whole: check that you used the entire link from your invitation."),
                LocalizedText(nl: "Werkt het nog steeds niet? Vraag de coördinator van je Job Twinning-programma om een nieuwe link.",
                              en: "Still not working? Ask the coordinator of your Job Twinning programme for a new link."),
             ], bothLanguages: true)
    }

    /// The page for a link that expired or was revoked: the answers given are kept, and the
    /// coordinator can send a new link to continue where the participant was.
    public static func linkExpired(_ language: Language = .default) -> String {
        page(language, title: LocalizedText(nl: "Deze link werkt niet meer", en: "This link no longer works"),
             paragraphs: [
                LocalizedText(nl: "Je persoonlijke link is verlopen of ingetrokken. Je antwoorden tot nu toe zijn bewaard.",
                              en: "Your personal link has expired or was withdrawn. Your answers so far are kept."),
                LocalizedText(nl: "Vraag de coördinator van je Job Twinning-programma om een nieuwe link; daarmee ga je verder waar je was.",
                              en: "Ask the coordinator of your Job Twinning programme for a new link; with it you continue where you were."),
             ], bothLanguages: false)
    }

    /// The page after signing out: everything is saved, and the personal link opens the
    /// conversation again at the question the participant was at (while it is valid).
    public static func signedOut(_ language: Language = .default) -> String {
        page(language, title: LocalizedText(nl: "Je bent afgemeld", en: "You have signed out"),
             paragraphs: [
                LocalizedText(nl: "Je antwoorden zijn bewaard. Je kunt dit venster sluiten.",
                              en: "Your answers are saved. You can close this window."),
                LocalizedText(nl: "Wil je verder? Open de persoonlijke link uit je uitnodiging opnieuw; je gaat verder bij de vraag waar je was.",
                              en: "Want to continue? Open the personal link from your invitation again; you continue at the question you were at."),
             ], bothLanguages: false)
    }

    /// A notice page: the title as heading, then the paragraphs, in `language`; with
    /// `bothLanguages`, the same again in the other language, marked with its `lang`.
    private static func page(_ language: Language, title: LocalizedText, paragraphs: [LocalizedText], bothLanguages: Bool) -> String {
        WebDocument.page(language: language, title: title.text(in: language), withScript: false) { html in
            html.element("header", [("class", "bar")]) { html in
                html.element("p", [("class", "brand")], text: "Job Twinning")
            }
            html.element("main", [("class", "notice")]) { html in
                html.element("h1", text: title.text(in: language))
                for paragraph in paragraphs { html.element("p", text: paragraph.text(in: language)) }
                guard bothLanguages else { return }
                let other: Language = language == .nl ? .en : .nl
                html.element("section", [("lang", other.rawValue)]) { html in
                    html.element("h2", text: title.text(in: other))
                    for paragraph in paragraphs { html.element("p", text: paragraph.text(in: other)) }
                }
            }
        }
    }
}
