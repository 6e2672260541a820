import TwinLanguage

/// The part of the pair report a participant gets in the chat that is not about the pair: the
/// ways the programme suggests to share experiences — a blog, an interview, the products made
/// together (a lesson series, assignments), a presentation for colleagues and managers — and an
/// outline for a short presentation, so that the report is a start for sharing, not an end.
enum ReportSharing {
    /// The section, in `language`.
    static func section(_ language: Language) -> ReportDocument.Section {
        ReportDocument.Section(language.text(nl: "Je ervaringen delen", en: "Sharing your experiences"), [
            .paragraph(language.text(
                nl: "Wat jullie hebben geleerd, is ook waardevol voor je collega's en je leidinggevende. Er zijn veel manieren om het te delen:",
                en: "What you learned is also valuable to your colleagues and your manager. There are many ways to share it:")),
            .list([
                language.text(nl: "een blog over jullie ervaringen", en: "a blog about your experiences"),
                language.text(nl: "een interview, bijvoorbeeld voor de nieuwsbrief of het intranet", en: "an interview, for example for the newsletter or the intranet"),
                language.text(nl: "de producten waar jullie samen aan werkten, zoals een lessenserie of opdrachten",
                              en: "the products you worked on together, such as a lesson series or assignments"),
                language.text(nl: "een presentatie voor collega's en leidinggevenden", en: "a presentation for colleagues and managers"),
            ]),
            .paragraph(language.text(nl: "Een opzet voor een korte presentatie (zo'n tien minuten):",
                                     en: "An outline for a short presentation (about ten minutes):")),
            .numbered([
                language.text(nl: "Het duo: wie zijn jullie, en waarom deden jullie mee?", en: "The pair: who are you, and why did you take part?"),
                language.text(nl: "De doelen: wat wilden jullie leren of bereiken?", en: "The goals: what did you want to learn or achieve?"),
                language.text(nl: "Wat jullie deden: de belangrijkste bezoeken en activiteiten.", en: "What you did: the main visits and activities."),
                language.text(nl: "De resultaten: welke doelen jullie bereikten, en wat jullie samen maakten.",
                              en: "The results: which goals you reached, and what you made together."),
                language.text(nl: "De waarde voor jullie organisaties: wat zeggen jullie leidinggevenden ervan?",
                              en: "The value for your organisations: what do your managers say?"),
                language.text(nl: "Vooruitkijken: hoe gaan jullie verder, en wat raden jullie collega's aan?",
                              en: "Looking ahead: how will you go on, and what do you recommend to colleagues?"),
            ]),
        ])
    }
}
