public import Foundation
public import TwinLanguage

/// A knelpunt a participant raised themselves ("Er loopt iets niet"), in their own words. It is
/// for the coordinator: the partner is not told.
public struct ReportedBottleneck: Sendable, Hashable, Codable {
    /// What the participant says is wrong.
    public enum Topic: String, Sendable, Hashable, Codable, CaseIterable {
        /// There is no click with the partner.
        case noClick = "no_click"
        /// No time or room for the activities.
        case noTime = "no_time"
        /// The partner does not respond.
        case partnerNotResponding = "partner_not_responding"
        /// Confidential matters get in the way.
        case confidentiality
        /// Something else, described in the participant's words.
        case other
    }

    /// The report's id, in the order reports were made.
    public var id: Int64?
    /// The pair it is about.
    public var pairID: String
    /// Who raised it.
    public var participant: ParticipantID
    /// What is wrong.
    public var topic: Topic
    /// The participant's own words, when they gave any.
    public var words: String?
    /// When it was raised.
    public var reportedAt: Date

    /// Creates a report.
    public init(id: Int64? = nil, pairID: String, participant: ParticipantID, topic: Topic, words: String?, reportedAt: Date) {
        self.id = id
        self.pairID = pairID
        self.participant = participant
        self.topic = topic
        self.words = words
        self.reportedAt = reportedAt
    }

    /// The topic in a few words.
    public static func name(_ topic: Topic) -> LocalizedText {
        switch topic {
        case .noClick: LocalizedText(nl: "geen klik met de partner", en: "no click with the partner")
        case .noTime: LocalizedText(nl: "geen tijd of ruimte", en: "no time or room")
        case .partnerNotResponding: LocalizedText(nl: "de partner reageert niet", en: "the partner does not respond")
        case .confidentiality: LocalizedText(nl: "vertrouwelijkheid", en: "confidentiality")
        case .other: LocalizedText(nl: "iets anders", en: "something else")
        }
    }

    /// What participants of the programme found helps with `topic`, said to the participant.
    public static func mitigations(_ topic: Topic) -> LocalizedText {
        switch topic {
        case .noClick:
            return Bottleneck.description(.noClick)
        case .noTime:
            return LocalizedText(
                nl: "Gebrek aan tijd en ruimte is de belangrijkste blokkade. Maak afspraken met je leidinggevende en geef een realistisch beeld van de tijd die Job Twinning kost. Een leidinggevende die het ziet als professionalisering, laat eerder lessen uitvallen of vergaderingen missen. Zoek momenten waarop het gewone werk ruimte laat: studiedagen, toetsweken, projectweken. Je kunt ook lessen ruilen met collega's of verzetten.",
                en: "A lack of time and room is the main blockade. Make agreements with your manager and give a realistic estimate of the time Job Twinning takes. A manager who sees it as professional development more readily lets lessons drop or meetings be missed. Look for moments when regular work leaves room: study days, test weeks, project weeks. You can also swap lessons with colleagues or move them.")
        case .partnerNotResponding:
            return LocalizedText(
                nl: "Probeer je partner op een andere manier te bereiken, bijvoorbeeld bellen in plaats van een bericht, en stel een concreet moment voor. Bespreek daarna samen wat jullie van elkaar verwachten en hoe vaak jullie contact hebben; leg dat vast in de werkafspraken van de planning.",
                en: "Try to reach your partner another way, for example a call instead of a message, and suggest a concrete moment. Then talk together about what you expect of each other and how often you are in touch; put that in the working agreements of the plan.")
        case .confidentiality:
            return LocalizedText(
                nl: "Zowel bedrijven als scholen hebben zaken die vertrouwelijk zijn. Spreek samen af wat vertrouwelijk is, bijvoorbeeld bedrijfscijfers, klantgegevens of informatie over leerlingen, en kies jullie activiteiten zo dat die zaken erbuiten blijven. Anders kunnen de voortgang en het plezier in het gedrang komen.",
                en: "Companies and schools both have matters that are confidential. Agree together what is confidential, for example business figures, customer data or information about pupils, and choose your activities so that those matters stay out of them. Otherwise progress and enjoyment can suffer.")
        case .other:
            return LocalizedText(
                nl: "Bespreek het zo open mogelijk met je partner; vaak helpt het om jullie verwachtingen en afspraken opnieuw door te nemen.",
                en: "Talk it over with your partner as openly as you can; going over your expectations and agreements again often helps.")
        }
    }
}
