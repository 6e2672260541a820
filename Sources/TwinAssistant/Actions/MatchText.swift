import DialogEngine
import Twinning
import TwinLanguage

/// The texts of open matching and match proposals, in both languages.
enum MatchText {
    static let noProfile = LocalizedText(
        nl: "Je hebt nog geen profiel. Maak eerst je profiel af via het menu.",
        en: "You have no profile yet. Please complete your profile from the menu first.")
    static let openFirst = LocalizedText(
        nl: "Open matching is alleen voor wie zelf ook zijn profiel openzet. Zet open matching aan in het menu om profielen te bekijken.",
        en: "Open matching is only for participants who open their own profile too. Switch open matching on in the menu to browse profiles.")
    static let noMoreProfiles = LocalizedText(
        nl: "Er zijn op dit moment geen (nieuwe) profielen om te bekijken. Kijk later nog eens, of wacht op het voorstel van de coördinator.",
        en: "There are no (new) profiles to look at right now. Check again later, or wait for the coordinator's proposal.")
    static let profileGone = LocalizedText(
        nl: "Dit profiel is niet meer beschikbaar (de ander heeft het gesloten of is al gekoppeld).",
        en: "This profile is no longer available (its owner closed it or has been paired).")
    static let noProposal = LocalizedText(
        nl: "Er staat geen matchvoorstel voor je klaar.",
        en: "There is no match proposal for you.")
    static let declined = LocalizedText(
        nl: "Je hebt het voorstel afgewezen. De coördinator zoekt verder met je; je kunt ook weer profielen bekijken.",
        en: "You declined the proposal. The coordinator will keep looking with you; you can also browse profiles again.")

    static func mutualLike(_ name: String) -> LocalizedText {
        LocalizedText(
            nl: "Het klikt: \(name) vindt jou ook interessant! Jullie krijgen allebei het voorstel om een duo te vormen; typ 'bevestig match' om het te bevestigen.",
            en: "It's a match: \(name) likes you too! You both get the proposal to become a pair; type 'confirm match' to confirm it.")
    }

    static func waitingForPartner(_ name: String) -> LocalizedText {
        LocalizedText(
            nl: "Je hebt de match bevestigd. Zodra \(name) ook bevestigt, begint fase 2: kennismaking.",
            en: "You confirmed the match. As soon as \(name) confirms too, phase 2 begins: getting acquainted.")
    }

    static func confirmed(_ name: String) -> LocalizedText {
        LocalizedText(
            nl: "Jullie hebben allebei bevestigd: jij en \(name) vormen een duo! Fase 2 begint: kennismaking, doelen en een planning.",
            en: "You both confirmed: you and \(name) are a pair! Phase 2 begins: getting acquainted, goals and a plan.")
    }

    /// What a profile card shows of its owner: what the consent text for open matching
    /// promises others see — name, position, organisation, field and motivation — and no more
    /// (no place, no prior education, no target group, no criteria).
    static let cardCriteria: Set<ScoreCriterion> = [.field, .motivation]

    /// A profile as another participant may see it, with why it fits in words built only from
    /// what the card shows.
    static func card(_ profile: Profile, score: PairScore, viewer: ParticipantID, names: [ParticipantID: String],
                     explainer: MatchExplainer, language: Language) -> String {
        let side = profile.side == .teacher ? language.text(nl: "docent", en: "teacher") : language.text(nl: "professional", en: "professional")
        var lines = ["\(profile.name) — \(profile.role), \(profile.organization) (\(side))"]
        let field = profile.field == "other"
            ? (profile.fieldOther ?? explainer.optionLabel("profile.field", profile.field, language: language))
            : explainer.optionLabel("profile.field", profile.field, language: language)
        lines.append(language.text(nl: "Vakgebied: ", en: "Field: ") + field)
        let motivations = profile.motivations.filter { $0 != "other" }
            .map { explainer.optionLabel("profile.motivation", $0, language: language) }
        if !motivations.isEmpty { lines.append(language.text(nl: "Motivatie: ", en: "Motivation: ") + motivations.joined(separator: ", ")) }
        lines.append(language.text(nl: "Waarom dit past: ", en: "Why this fits: ")
            + explainer.sentence(score, names: names, language: language, viewer: viewer, criteria: cardCriteria,
                               showWishers: false))
        return lines.joined(separator: "\n")
    }
}
