/// Everything the loader and the linter must know of the host: the read-only slots it provides,
/// the actions it offers, and which dialogs start a conversation and which one is home.
public struct HostInterface: Sendable {
    /// The dialog a new conversation starts in.
    public var entryDialog: String
    /// The dialog shown whenever no other dialog is under way (a menu, typically).
    public var homeDialog: String
    /// Read-only slots the host provides, with their types.
    public var hostSlots: [String: ValueType]
    /// The actions the host offers, by name.
    public var actions: [String: ActionSignature]

    /// Creates a host interface.
    public init(entryDialog: String, homeDialog: String, hostSlots: [String: ValueType] = [:],
                actions: [ActionSignature] = []) {
        self.entryDialog = entryDialog
        self.homeDialog = homeDialog
        self.hostSlots = hostSlots
        var byName: [String: ActionSignature] = [:]
        for action in actions { byName[action.name] = action }
        self.actions = byName
    }
}
