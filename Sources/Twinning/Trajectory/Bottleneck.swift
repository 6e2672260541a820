public import TwinLanguage

public import Foundation

/// A knelpunt: something in a trajectory that the programme guide's monitoring found to get in the way,
/// detected from the data, with the mitigations participants used themselves.
public struct Bottleneck: Sendable, Hashable, Codable {
    /// The kinds of bottleneck.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// No activity logged for a number of weeks.
        case noActivity = "no_activity"
        /// The hours spent lag behind the plan.
        case hoursBehind = "hours_behind"
        /// Time and room not (fully) agreed with the manager.
        case managerAgreement = "manager_agreement"
        /// An activity touched confidential matters.
        case confidentiality
        /// The plan was not confirmed by both partners after a number of days.
        case planNotConfirmed = "plan_not_confirmed"
        /// One partner no longer takes part (their data was erased): the coordinator decides
        /// with the other how to go on. Concerns the partner who remains.
        case partnerLeft = "partner_left"
        /// The participant has not done the context check (time and room agreed with the
        /// manager) a number of days after the plan was fixed: a lack of time and room is the
        /// main blockade, and it is best agreed before the activities begin.
        case contextCheckMissing = "context_check_missing"
        /// The participant answered that there is no click with their partner, after their first
        /// meeting.
        case noClick = "no_click"
        /// The participant raised a knelpunt themselves ("Er loopt iets niet"), in their own words.
        case reported
    }

    /// Whether the bottleneck is something a participant told the coordinator (a knelpunt they
    /// raised, no click with their partner): it is announced to the coordinators only
    /// (`bottleneck.reported`), never to the pair, since the partner did not hear it from them.
    public var isForCoordinatorOnly: Bool { kind.isForCoordinatorOnly }

    /// What kind.
    public var kind: Kind
    /// The pair concerned.
    public var pairID: String
    /// The participant concerned, when it is one partner's.
    public var participant: ParticipantID?
    /// When it was detected.
    public var detectedAt: Date

    /// Creates a bottleneck.
    public init(kind: Kind, pairID: String, participant: ParticipantID?, detectedAt: Date) {
        self.kind = kind
        self.pairID = pairID
        self.participant = participant
        self.detectedAt = detectedAt
    }

    /// What the bottleneck is and the programme's mitigations, in Dutch and English.
    public static func description(_ kind: Kind) -> LocalizedText {
        switch kind {
        case .noActivity:
            return LocalizedText(nl: "Al een tijd geen activiteit. Zoek momenten waarop het gewone werk het toelaat: studiedagen, toetsweken of projectweken; wissel of verzet lessen.",
                    en: "No activity for a while. Look for moments when regular work allows it: study days, test weeks or project weeks; swap or move lessons.")
        case .hoursBehind:
            return LocalizedText(nl: "De bestede uren lopen achter op de planning. Geef de leidinggevende een realistisch beeld van de tijd die nodig is en bewaak de afspraken; plan activiteiten in rustige periodes.",
                    en: "The hours spent lag behind the plan. Give the manager a realistic estimate of the time needed and protect the agreements; plan activities in quieter periods.")
        case .managerAgreement:
            return LocalizedText(nl: "Tijd en ruimte zijn (nog) niet afgesproken met de leidinggevende. Geef een realistisch beeld van de tijdsbesteding en presenteer Job Twinning als professionalisering: dan mogen lessen eerder uitvallen of vergaderingen worden gemist.",
                    en: "Time and room are not (yet) agreed with the manager. Give a realistic estimate of the time needed and present Job Twinning as professional development: then lessons may be dropped or meetings skipped more easily.")
        case .confidentiality:
            return LocalizedText(nl: "Een activiteit raakte aan vertrouwelijke zaken. Kies activiteiten zo dat vertrouwelijkheidsissues worden vermeden, anders komen voortgang en plezier in het gedrang.",
                    en: "An activity touched confidential matters. Choose activities that avoid confidentiality issues, or progress and fun suffer.")
        case .planNotConfirmed:
            return LocalizedText(nl: "De planning is nog niet door beide partners bevestigd. Heldere communicatie en verwachtingenmanagement zijn in de kennismaking van groot belang.",
                    en: "The plan has not been confirmed by both partners yet. Clear communication and managing expectations matter greatly when getting acquainted.")
        case .partnerLeft:
            return LocalizedText(nl: "Een partner doet niet meer mee (zijn of haar gegevens zijn verwijderd); het traject kan zo niet verder. Beslissing nodig: spreek met de overgebleven deelnemer af of die opnieuw gematcht wordt of het traject alleen afrondt met de eigen evaluatie, en leg dat vast bij 'Een duo zonder partner afhandelen'.",
                    en: "A partner no longer takes part (their data was erased); the trajectory cannot go on like this. Decision needed: agree with the remaining participant whether they are matched again or close the trajectory alone with their own evaluation, and record it under 'Settle a pair whose partner left'.")
        case .contextCheckMissing:
            return LocalizedText(nl: "De contextcheck is nog niet gedaan, terwijl de planning al een tijd vastligt. Gebrek aan tijd en ruimte is de belangrijkste blokkade: spreek met de leidinggevende af hoeveel tijd Job Twinning krijgt, met een realistisch beeld van de uren uit de planning, en presenteer het als professionalisering, dan mogen lessen eerder uitvallen of vergaderingen worden gemist. Zoek flexibele momenten (studiedagen, toetsweken, projectweken; lessen ruilen of verzetten) en spreek af wat vertrouwelijk is, zodat de activiteiten daar buiten blijven.",
                    en: "The context check has not been done, while the plan has been fixed for some time. A lack of time and room is the main blockade: agree with the manager how much time Job Twinning gets, with a realistic estimate of the plan's hours, and present it as professional development, so that lessons may be dropped or meetings missed more easily. Look for flexible moments (study days, test weeks, project weeks; swapping or moving lessons) and agree what is confidential, so that the activities stay clear of it.")
        case .noClick:
            return LocalizedText(nl: "Er is (nog) geen klik met de partner, terwijl een persoonlijke klik aan de basis staat van een geslaagd traject. Bespreek het open met elkaar en stem de activiteiten af op wat jullie allebei interesseert; de coördinator kan helpen bij dat gesprek. Lukt het niet, dan is een nieuwe match het laatste redmiddel.",
                    en: "There is no click (yet) with the partner, while a personal click is the base of a successful trajectory. Talk about it openly and adjust the activities to what interests you both; the coordinator can help with that conversation. If that does not work, a new match is the last resort.")
        case .reported:
            return LocalizedText(nl: "Een deelnemer meldde zelf dat er iets niet loopt. Neem contact op en kijk samen wat helpt: afspraken met de leidinggevende en flexibele momenten bij tijdgebrek, heldere afspraken over contact als de partner niet reageert, activiteiten die vertrouwelijke zaken vermijden, en een open gesprek (of in het uiterste geval een nieuwe match) als er geen klik is.",
                    en: "A participant reported themselves that something is not working. Get in touch and see together what helps: agreements with the manager and flexible moments for a lack of time, clear agreements about contact when the partner does not respond, activities that avoid confidential matters, and an open conversation (or as a last resort a new match) when there is no click.")
        }
    }
}

extension Bottleneck.Kind {
    /// Whether bottlenecks of this kind are what a participant told the coordinator; see
    /// `Bottleneck.isForCoordinatorOnly`.
    public var isForCoordinatorOnly: Bool { self == .noClick || self == .reported }
}
