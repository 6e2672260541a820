/// A credential from the configuration — a channel's token or signing secret — that never shows
/// itself: printing, interpolating or dumping it gives `<secret>` with where it came from, so a
/// log line or an error message cannot leak it by accident. Only `value` reveals it, for the
/// code that checks a signature or a token.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The secret itself.
    public let value: String
    /// Where it was read: `$JOBTWIN_API_TOKEN`, or `jobtwin.yaml:7`.
    public let source: String

    /// Creates a secret; `nil` when `value` is empty (an empty secret counts as none).
    public init?(_ value: String, source: String) {
        guard !value.isEmpty else { return nil }
        self.value = value
        self.source = source
    }

    public var description: String { "<secret from \(source)>" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["source": source]) }
}
