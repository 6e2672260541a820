import TwinLanguage

/// The frame every web chat page shares: the doctype, `<html lang>` in the participant's
/// language, the viewport, the stylesheet, the icon and the script by their hashed addresses, and the
/// body that `content` writes. Nothing inline, so that a strict `Content-Security-Policy`
/// (`default-src 'self'`) holds.
enum WebDocument {
    /// The page's title: "Job Twinning", or `title` before it.
    static func title(_ title: String?) -> String {
        [title, "Job Twinning"].compactMap { $0 }.joined(separator: " · ")
    }

    /// A whole page in `language`; `withScript` false leaves the chat's script out (a page
    /// without forms to take over).
    static func page(language: Language, title: String?, withScript: Bool = true,
                     body content: (inout HTMLWriter) -> Void) -> String {
        String(decoding: pageUTF8(language: language, title: title, withScript: withScript, body: content), as: UTF8.self)
    }

    /// `page(language:title:withScript:body:)` as UTF-8.
    static func pageUTF8(language: Language, title: String?, withScript: Bool = true,
                         body content: (inout HTMLWriter) -> Void) -> [UInt8] {
        var html = HTMLWriter(capacity: 8_192)
        html.constant("<!DOCTYPE html>\n")
        html.open("html", [("lang", language.rawValue)])
        html.element("head") { html in
            html.void("meta", [("charset", "utf-8")])
            html.void("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
            html.void("meta", [("name", "referrer"), ("content", "no-referrer")])
            html.element("title", text: Self.title(title))
            html.void("link", [("rel", "stylesheet"), ("href", WebAssets.stylesheet.path)])
            html.void("link", [("rel", "icon"), ("type", "image/svg+xml"), ("href", WebAssets.icon.path)])
            if withScript {
                // `defer`: the script runs once the page is parsed, and the page shows without it.
                html.element("script", [("src", WebAssets.script.path), ("defer", "defer")], text: "")
            }
        }
        html.element("body", content: content)
        html.close()
        html.constant("\n")
        return html.finishUTF8()
    }

    /// What the chat's script takes from an answer in place (`ChatScript`): the language and the
    /// title, and the body that `content` writes — without what only a page loaded anew needs
    /// (the stylesheet, the icon, the script, the viewport).
    static func fragmentUTF8(language: Language, title: String?, body content: (inout HTMLWriter) -> Void) -> [UInt8] {
        var html = HTMLWriter(capacity: 4_096)
        html.constant("<!DOCTYPE html>\n")
        html.open("html", [("lang", language.rawValue)])
        html.element("head") { html in
            html.void("meta", [("charset", "utf-8")])
            html.element("title", text: Self.title(title))
        }
        html.element("body", content: content)
        html.close()
        html.constant("\n")
        return html.finishUTF8()
    }
}
