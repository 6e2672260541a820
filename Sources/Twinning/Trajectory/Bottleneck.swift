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
    }

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

    /// What the bottleneck is and the programme guide's mitigations, in Dutch and English.
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
        }
    }
}
