import Twinning
import TwinLanguage

/// Which programme events a participant hears about in a direct message, and the step of
/// their menu that a button in it starts.
///
/// The button answers the menu (`menu.action`) with the option's value; it counts when the
/// participant is at the menu and the option is offered, else they get the question they are
/// at. Its label is the menu option's, as `Dialogs/menu.yaml` writes it.
struct DirectMessagePlan: Sendable, Hashable {
    /// A step of the menu to start.
    struct Start: Sendable, Hashable {
        /// The menu option's value.
        var option: String
        /// Its label.
        var label: LocalizedText
    }

    /// The slot every start button answers.
    static let menuSlot = "menu.action"

    /// Who gets one.
    var recipients: [ParticipantID]
    /// The button, when the next step is one of the menu's.
    var start: Start?

    /// The plan for `event`, or `nil` for an event that is not for the participants themselves
    /// (a phase completed, a trajectory closed, a mutual like before the proposal, a knelpunt a
    /// participant reported to the coordinator).
    static func plan(for event: ProgrammeEvent, phaseOf: (ParticipantID) -> Phase?) -> [DirectMessagePlan]? {
        let people = event.participants
        switch event.kind {
        case .matchProposed:
            return [DirectMessagePlan(recipients: people, start: Start(option: "confirm_match",
                label: LocalizedText(nl: "Matchvoorstel bekijken en bevestigen", en: "View and confirm the match proposal")))]
        case .matchConfirmed:
            return [DirectMessagePlan(recipients: people, start: Start(option: "goals",
                label: LocalizedText(nl: "Doelen en verwachtingen", en: "Goals and expectations")))]
        case .planAwaitingConfirmation:
            return [DirectMessagePlan(recipients: people, start: Start(option: "confirm_plan",
                label: LocalizedText(nl: "Planning bekijken en bevestigen", en: "View and confirm the plan")))]
        case .activityAwaitingConfirmation:
            return [DirectMessagePlan(recipients: people, start: Start(option: "confirm_activity",
                label: LocalizedText(nl: "Activiteit van je partner bevestigen", en: "Confirm your partner's activity")))]
        case .reminderInactivity:
            return [DirectMessagePlan(recipients: people, start: Start(option: "log_activity",
                label: LocalizedText(nl: "Een activiteit vastleggen", en: "Log an activity")))]
        case .reminderEvaluation:
            // In phase 3 the evaluation is started, in phase 4 continued.
            return people.map { person in
                let start = phaseOf(person) == .afronding
                    ? Start(option: "continue_evaluation", label: LocalizedText(nl: "De afsluitende evaluatie", en: "The closing evaluation"))
                    : Start(option: "start_evaluation", label: LocalizedText(nl: "De afsluitende evaluatie starten", en: "Start the closing evaluation"))
                return DirectMessagePlan(recipients: [person], start: start)
            }
        case .coordinatorNudge, .retentionWarning:
            return [DirectMessagePlan(recipients: people, start: nil)]
        case .bottleneckFlagged:
            // The advice goes to the pair, whoever the bottleneck concerns.
            return [DirectMessagePlan(recipients: people, start: nil)]
        case .matchMutualLike, .phaseCompleted, .trajectoryClosed:
            return nil
        case .bottleneckReported:
            // What a participant told the coordinator: the one who said it has their answer in
            // the chat already, and their partner must not hear it from the assistant.
            return nil
        }
    }
}
