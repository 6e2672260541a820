import Twinning
import TwinLanguage

/// What a direct message says to the participant it is for, in their language: what happened
/// and what they can do, naming the partner by their profile name.
enum DirectMessageText {
    /// The text for `recipient` about `event`.
    static func text(_ event: ProgrammeEvent, for recipient: ParticipantID, context: EventContext, in language: Language) -> String {
        let partner = context.pair.flatMap { pair -> ParticipantID? in
            pair.teacher == recipient ? pair.professional : pair.professional == recipient ? pair.teacher : nil
        }
        let name = partner.map { context.name($0, in: language) } ?? language.text(nl: "je partner", en: "your partner")
        switch event.kind {
        case .matchProposed:
            return language.text(nl: "Goed nieuws: je bent voorgesteld als koppel met \(name). Bekijk het voorstel en laat weten of je het bevestigt.",
                                 en: "Good news: you have been proposed as a pair with \(name). Look at the proposal and let me know whether you confirm it.")
        case .matchConfirmed:
            return language.text(nl: "Jullie zijn nu een koppel: jij en \(name). De kennismaking begint: bespreek jullie verwachtingen en leg jullie doelen vast.",
                                 en: "You are a pair now: you and \(name). Getting acquainted begins: talk about your expectations and write down your goals.")
        case .planAwaitingConfirmation:
            return language.text(nl: "\(name) heeft een planning voorgesteld. Bekijk de planning en bevestig die als je het ermee eens bent.",
                                 en: "\(name) has proposed a plan. Look at it and confirm it if you agree.")
        case .activityAwaitingConfirmation:
            return language.text(nl: "\(name) heeft een activiteit van jullie vastgelegd. Wil je die bevestigen?",
                                 en: "\(name) has logged an activity of yours. Would you confirm it?")
        case .reminderInactivity:
            return language.text(nl: "Het is al een tijdje stil bij jou en \(name): er is geen activiteit vastgelegd. Tijd om de volgende te plannen, of om vast te leggen wat jullie al deden.",
                                 en: "It has been quiet for a while for you and \(name): no activity was logged. Time to plan the next one, or to log what you already did.")
        case .reminderEvaluation:
            return language.text(nl: "Jullie planning loopt binnenkort af. Vul de afsluitende evaluatie in; die helpt jou, \(name) en het programma.",
                                 en: "Your plan ends soon. Fill in the closing evaluation; it helps you, \(name) and the programme.")
        case .coordinatorNudge:
            guard let message = context.nudge else {
                return language.text(nl: "De coördinator heeft jullie een bericht gestuurd; je ziet het als je me een bericht stuurt.",
                                     en: "The coordinator sent you a message; you will see it when you send me a message.")
            }
            return language.text(nl: "Bericht van de coördinator: \u{201C}\(message)\u{201D}", en: "Message from the coordinator: \u{201C}\(message)\u{201D}")
        case .bottleneckFlagged:
            let advice = context.bottleneck.map { Bottleneck.description($0).text(in: language) }
            return language.text(nl: "Er lijkt iets te haperen in jullie traject.", en: "Something seems to be in the way of your trajectory.")
                + (advice.map { " " + $0 } ?? "")
                + language.text(nl: " Bespreek het samen; de coördinator denkt graag mee.", en: " Talk it over together; the coordinator is glad to help.")
        case .retentionWarning:
            return language.text(nl: "Je bent nog niet gematcht en ik heb al lang niets van je gehoord. Zonder bericht worden je gegevens binnenkort verwijderd; één bericht (bijvoorbeeld 'status') is genoeg om mee te blijven doen.",
                                 en: "You have not been matched yet and I have not heard from you for a long time. Without a message your data will be erased soon; one message (for example 'status') is enough to stay in the programme.")
        case .matchMutualLike, .phaseCompleted, .trajectoryClosed, .bottleneckReported:
            // Never sent as a direct message (see `DirectMessagePlan`); the coordinators' text.
            return EventText.texts(event, context: context).text.text(in: language)
        }
    }

    /// The line under every direct message: how to stop them.
    static func footer(in language: Language) -> String {
        language.text(nl: "Geen berichten meer van mij uit mezelf? Stuur 'geen herinneringen'.",
                      en: "No more messages from me on my own? Send 'no reminders'.")
    }
}
