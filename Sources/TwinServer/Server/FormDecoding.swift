import Hummingbird

/// Decodes a form-encoded body (Slack's and Mattermost's slash commands) with Hummingbird's
/// form decoder, as a `ServerError` 400 when it is malformed.
enum FormDecoding {
    /// Decodes `text` as `type`.
    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws(ServerError) -> T {
        do {
            return try URLEncodedFormDecoder().decode(type, from: text)
        } catch {
            throw DecodingProblem.form(error)
        }
    }
}
