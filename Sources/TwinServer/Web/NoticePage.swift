import Hummingbird
import NIOCore
import TwinLanguage

/// A small, complete HTML page of the web chat that tells the visitor one thing — a link that
/// does not work, signed out — in their language (`<html lang>`), every text escaped.
struct NoticePage: Sendable {
    /// The page's heading and title.
    var title: LocalizedText
    /// What happened and what to do.
    var message: LocalizedText
    /// The page's language.
    var language: Language
    /// Whether the other language's text follows (for a visitor whose language is unknown).
    var bothLanguages = false

    /// The page as HTML.
    var html: String {
        var body = """
            <main>
            <h1>\(Self.escape(title.text(in: language)))</h1>
            <p>\(Self.escape(message.text(in: language)))</p>

            """
        if bothLanguages {
            let other: Language = language == .nl ? .en : .nl
            body += """
                <section lang="\(other.rawValue)">
                <h2>\(Self.escape(title.text(in: other)))</h2>
                <p>\(Self.escape(message.text(in: other)))</p>
                </section>

                """
        }
        body += "</main>\n"
        return """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Self.escape(title.text(in: language))) · Job Twinning</title>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    /// The page as a response with `status`.
    func response(status: HTTPResponse.Status, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        WebHeaders.apply(to: &fields)
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// `text` with `&`, `<`, `>`, `"` and `'` as entities.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
