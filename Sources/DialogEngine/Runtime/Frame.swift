/// Where one running dialog is: the step it waits at (its pending question, or the `call`
/// it returns to). Frames name steps by their stable ids, never by position, so that a stored
/// conversation survives edits to the dialogs.
public struct Frame: Codable, Sendable, Hashable {
    /// The dialog's name.
    public var dialog: String
    /// The id of the step the frame waits at.
    public var step: String
    /// Set while a `revisit` re-asks a question: the id of the revisit step to continue after.
    public var returnAfter: String?

    /// Creates a frame.
    public init(dialog: String, step: String, returnAfter: String? = nil) {
        self.dialog = dialog
        self.step = step
        self.returnAfter = returnAfter
    }
}
