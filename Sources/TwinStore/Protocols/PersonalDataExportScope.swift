/// How much of what is stored about a participant an export writes out in full.
public enum PersonalDataExportScope: Sendable, Hashable {
    /// Every row and every column in full: `jobtwin export`, for the coordinator.
    case complete
    /// For the participant's own request in the chat. The stored copies of replies the
    /// participant was already shown in the chat (`processed_requests.reply_json`, the payload
    /// of a Slack reply waiting in `deliveries`, kept reply texts in `conversation_texts`) are
    /// given by their size only: they repeat the conversation, may hold an earlier export (so
    /// each export would contain the previous one), and would make the message too long for a
    /// chat platform. What other people decided about the participant — other participants'
    /// likes and passes of them, a coordinator's exclusions — is left out: it is those people's
    /// data too.
    case chat
}
