/// The chat page's stylesheet, script and icon, embedded in the binary: no CDN and no framework,
/// and nothing inline, so that the page works under a `Content-Security-Policy` of
/// `default-src 'self'` without `unsafe-inline`. The chat endpoint serves them from
/// `/chat/assets/NAME` (`asset(named:)`), cacheable for good: the page asks for them with their
/// content hash in the query.
public enum WebAssets {
    /// Where the assets are served.
    public static let directory = "/chat/assets/"

    /// The stylesheet, `chat.css`.
    public static let stylesheet = WebAsset(name: "chat.css", contentType: "text/css; charset=utf-8", body: ChatStylesheet.css)

    /// The script, `chat.js`.
    public static let script = WebAsset(name: "chat.js", contentType: "text/javascript; charset=utf-8", body: ChatScript.js)

    /// The `Content-Security-Policy` the chat's pages are written for, for the endpoint to send
    /// with each: only our own script, stylesheet and requests, forms posting only to us, never
    /// in a frame. Nothing inline is allowed, and the pages need nothing inline.
    public static let contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    /// The icon, `icon.svg`, that every page links for the browser's tab.
    public static let icon = WebAsset(name: "icon.svg", contentType: "image/svg+xml", body: ChatIcon.svg)

    /// All of them, in the order the page loads them.
    public static let all = [stylesheet, script, icon]

    /// The asset with file name `name` (`chat.css`, without the query); `nil` for anything else.
    public static func asset(named name: String) -> WebAsset? {
        all.first { $0.name == name }
    }
}
