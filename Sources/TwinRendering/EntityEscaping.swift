/// Writes `&`, `<` and `>` as the entities `&amp;`, `&lt;`, `&gt;` — what Slack's mrkdwn and
/// Teams' message text both need so that a participant's words stay words, never markup.
enum EntityEscaping {
    /// `text` with the three characters escaped.
    static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" }) else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count + 16)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
