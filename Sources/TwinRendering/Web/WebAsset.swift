import Crypto

/// A file the chat page loads — its stylesheet or its script — embedded in the binary, with a
/// hash of its content in the address the page references (`/chat/assets/chat.css?v=HASH`), so
/// that a server may let browsers cache it for good and a new version is fetched at once.
public struct WebAsset: Sendable, Hashable {
    /// The file name under `/chat/assets/` (`chat.css`).
    public let name: String
    /// The `Content-Type` to serve it with.
    public let contentType: String
    /// The content.
    public let body: String
    /// The first 16 hexadecimal digits of the content's SHA-256.
    public let hash: String

    /// An asset named `name` with `body`; the hash is computed here.
    init(name: String, contentType: String, body: String) {
        self.name = name
        self.contentType = contentType
        self.body = body
        self.hash = Self.hash(of: body)
    }

    /// The address the page references: `/chat/assets/NAME?v=HASH`.
    public var path: String {
        WebAssets.directory + name + "?v=" + hash
    }

    /// The content hash as the address carries it.
    static func hash(of body: String) -> String {
        SHA256.hash(data: Array(body.utf8)).prefix(8).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
