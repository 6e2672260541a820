import TwinReply
import TwinLanguage

/// A reply taken apart into what every text channel shows — the messages (the question
/// marked), the options of a choice numbered from 1, and a hint of the answer expected — so
/// that each platform's renderer only decides how to write them.
struct ReplyBlocks {
    /// One message of the reply.
    struct Message {
        var kind: Reply.Message.Kind
        var text: String
        /// Whether it is the question being asked (the last message, equal to the prompt).
        var isQuestion: Bool
    }

    let messages: [Message]
    /// The labels of the choice's options, in the order their numbers refer to.
    let options: [String]
    let hint: String?
    /// The reply's language, for a note about a shortened message.
    let language: Language

    /// `withOptions` false leaves the numbered options out of the text: the platform shows them
    /// as buttons.
    init(_ reply: Reply, withOptions: Bool = true) {
        language = reply.language
        let last = reply.messages.count - 1
        messages = reply.messages.enumerated().map { index, message in
            Message(kind: message.kind, text: message.text,
                    isQuestion: index == last && reply.prompt?.text == message.text)
        }
        options = withOptions ? reply.prompt?.options?.map(\.label) ?? [] : []
        hint = reply.prompt.flatMap { PromptHint.text(for: $0, in: reply.language) }
    }

    /// Writes the reply: messages separated by blank lines, then the numbered options one per
    /// line, then the hint. `escape` is applied to every text taken from the reply (which may
    /// hold the participant's own words); `message` formats one escaped message.
    func render(escape: (String) -> String, message: (Message, String) -> String,
                hint formatHint: (String) -> String = { $0 }) -> String {
        let (texts, tail) = blocks(escape: escape, message: message, hint: formatHint)
        return (texts + tail).joined(separator: "\n\n")
    }

    /// Like `render`, within one message of the platform: while the text is too long, its longest
    /// message is shortened at a line boundary and ends with a note saying so (an open code
    /// block is closed first). The options and the hint are always kept whole.
    func render(escape: (String) -> String, message: (Message, String) -> String,
                hint formatHint: (String) -> String = { $0 }, within limit: MessageLimit) -> String {
        var (texts, tail) = blocks(escape: escape, message: message, hint: formatHint)
        func joined() -> String { (texts + tail).joined(separator: "\n\n") }
        var shortened: Set<Int> = []
        while limit.measure(joined()) > limit.maximum {
            let candidates = texts.indices.filter { !shortened.contains($0) }
            guard let index = candidates.max(by: { limit.measure(texts[$0]) < limit.measure(texts[$1]) }) else {
                // Only the options and the hint are left and they do not fit: the last resort.
                return Self.prefix(of: joined(), within: limit)
            }
            shortened.insert(index)
            let lines = texts[index].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            // The most lines that still fit, found by halving: fitting is monotone in the count.
            var low = 0, high = lines.count
            while low < high {
                let middle = (low + high + 1) / 2
                texts[index] = shorten(lines, keeping: middle, limit: limit)
                if limit.measure(joined()) <= limit.maximum { low = middle } else { high = middle - 1 }
            }
            texts[index] = shorten(lines, keeping: low, limit: limit)
        }
        return joined()
    }

    /// The rendered reply as one or more texts, each within the platform's limit, split at line
    /// boundaries (a code block open at a split is closed and opened again) — for responses that
    /// can carry several messages.
    func split(escape: (String) -> String, message: (Message, String) -> String,
               hint formatHint: (String) -> String = { $0 }, within limit: MessageLimit) -> [String] {
        let whole = render(escape: escape, message: message, hint: formatHint)
        guard limit.measure(whole) > limit.maximum else { return [whole] }
        var chunks: [String] = []
        var current: [String] = []
        var fenceOpen = false, fenceOpenAtStart = false
        func text(of lines: [String], closing: Bool) -> String {
            ((fenceOpenAtStart ? ["```"] : []) + lines + (closing ? ["```"] : [])).joined(separator: "\n")
        }
        for line in whole.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            let opensOrCloses = line.hasPrefix("```")
            let fenceAfter = opensOrCloses ? !fenceOpen : fenceOpen
            if !current.isEmpty, limit.measure(text(of: current + [line], closing: fenceAfter)) > limit.maximum {
                chunks.append(text(of: current, closing: fenceOpen))
                current = []
                fenceOpenAtStart = fenceOpen
            }
            // A single line longer than a whole message is split within the line.
            var rest = line
            while limit.measure(text(of: [rest], closing: fenceAfter)) > limit.maximum {
                let room = Self.prefix(of: rest, within: MessageLimit(platform: limit.platform, maximum: limit.maximum - 16, measure: limit.measure))
                guard !room.isEmpty else { break }
                chunks.append(text(of: [room], closing: fenceOpen))
                fenceOpenAtStart = fenceOpen
                rest = String(rest.dropFirst(room.count))
            }
            current.append(rest)
            fenceOpen = fenceAfter
        }
        if !current.isEmpty { chunks.append(text(of: current, closing: fenceOpen)) }
        return chunks
    }

    /// The escaped, formatted messages, and after them the numbered options and the hint.
    private func blocks(escape: (String) -> String, message: (Message, String) -> String,
                        hint formatHint: (String) -> String) -> (messages: [String], tail: [String]) {
        let texts = messages.map { message($0, escape($0.text)) }
        var tail: [String] = []
        if !options.isEmpty {
            tail.append(options.enumerated().map { "\($0.offset + 1). \(escape($0.element))" }.joined(separator: "\n"))
        }
        if let hint { tail.append(formatHint(escape(hint))) }
        return (texts, tail)
    }

    /// The first `count` of `lines`, an open code block closed, and the note on what was left out.
    private func shorten(_ lines: [String], keeping count: Int, limit: MessageLimit) -> String {
        var kept = Array(lines.prefix(count))
        if kept.filter({ $0.hasPrefix("```") }).count % 2 == 1 { kept.append("```") }
        return (kept + [limit.note(shownLines: count, of: lines.count, in: language)]).joined(separator: "\n")
    }

    /// The longest start of `text` (whole characters) within `limit`.
    private static func prefix(of text: String, within limit: MessageLimit) -> String {
        var low = 0, high = text.count
        while low < high {
            let middle = (low + high + 1) / 2
            if limit.measure(String(text.prefix(middle))) <= limit.maximum { low = middle } else { high = middle - 1 }
        }
        return String(text.prefix(low))
    }

    /// The message style of Slack's and Mattermost's Markdown, which differ only in how bold is
    /// written: emoji mark advice, warnings and errors, and a one-line question is bold.
    static func emojiMarked(bold marker: String) -> (Message, String) -> String {
        { message, text in
            switch message.kind {
            case .advice: return ":bulb: " + text
            case .warning: return ":warning: " + text
            case .error: return ":x: " + text
            case .info where message.isQuestion && !text.contains("\n") && !text.contains("*"): return marker + text + marker
            case .info, .summary: return text
            }
        }
    }
}
