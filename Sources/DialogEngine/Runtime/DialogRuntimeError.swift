/// A fault in a dialog that only shows at run time. The turn is abandoned and nothing of it is
/// kept; the message tells the dialog author where to look.
public struct DialogRuntimeError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, for the log and the author.
    public var message: String
    /// The dialog and step it happened in.
    public var dialog: String
    /// The step's id.
    public var step: String

    /// Creates the error.
    public init(_ message: String, dialog: String, step: String) {
        self.message = message
        self.dialog = dialog
        self.step = step
    }

    public var description: String { "dialog `\(dialog)`, step `\(step)`: \(message)" }
}
