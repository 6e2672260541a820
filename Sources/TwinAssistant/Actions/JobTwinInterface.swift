public import DialogEngine

/// What the Job Twinning dialogs may use of the assistant: where conversations start, the
/// read-only slots it provides and the actions it offers. `jobtwin dialogs lint` checks
/// dialogs against exactly this.
public enum JobTwinInterface {
    /// The dialog a new participant starts in.
    public static let entryDialog = "intake"
    /// The dialog shown whenever nothing else is under way.
    public static let homeDialog = "menu"

    /// The slots the assistant provides.
    public static let hostSlots: [String: ValueType] = [
        "participant.id": .text,
        "participant.phase": .text,
        "participant.coordinator": .bool,
        "participant.open_profile": .bool,
        "match.status": .text,
        "match.awaiting_confirmation": .bool,
        "match.partner_name": .text,
        "match.partner_left": .bool,
        "plan.status": .text,
        "activity.awaiting_my_confirmation": .bool,
        "context.checked": .bool,
        "evaluation.status": .text,
        "conversations.keep_texts": .bool,
    ]

    /// The interface as the dialog engine needs it.
    public static let host = HostInterface(
        entryDialog: entryDialog, homeDialog: homeDialog, hostSlots: hostSlots,
        actions: ProfileActions.signatures + MatchActions.signatures + TrajectoryActions.signatures + SignalActions.signatures
            + ReportActions.signatures
            + DataRightsActions.signatures + CoordinatorActions.signatures)
}
