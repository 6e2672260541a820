public import TwinLanguage

/// Why a link or a browser session does not sign anyone in, with a page's title and text in the
/// participant's language that say what to do: ask the coordinator for a new link.
public enum WebAccessError: Error, Sendable, Hashable {
    /// No link with this token exists (mistyped, cut off, or its person was erased).
    case unknown
    /// The link's validity has passed.
    case expired(Language)
    /// The coordinator revoked the person's links.
    case revoked(Language)

    /// The language of the page: the participant's, Dutch when the link is unknown.
    public var language: Language {
        switch self {
        case .unknown: return .default
        case .expired(let language), .revoked(let language): return language
        }
    }

    /// A short, stable name (`unknown`, `expired`, `revoked`) for logs and tests.
    public var code: String {
        switch self {
        case .unknown: return "unknown"
        case .expired: return "expired"
        case .revoked: return "revoked"
        }
    }

    /// The page's title.
    public var title: LocalizedText {
        switch self {
        case .unknown: return LocalizedText(nl: "Deze link kennen we niet", en: "We do not know this link")
        case .expired: return LocalizedText(nl: "Deze link is verlopen", en: "This link has expired")
        case .revoked: return LocalizedText(nl: "Deze link werkt niet meer", en: "This link no longer works")
        }
    }

    /// What happened and what to do.
    public var message: LocalizedText {
        switch self {
        case .unknown:
            return LocalizedText(
                nl: "Controleer of je de hele link uit je e-mail hebt gebruikt. Werkt het dan nog niet, vraag de coördinator van Job Twinning om een nieuwe persoonlijke link.",
                en: "Check that you used the whole link from your e-mail. If it still does not work, ask the Job Twinning coordinator for a new personal link.")
        case .expired:
            return LocalizedText(
                nl: "Een persoonlijke link werkt een beperkte tijd. Vraag de coördinator van Job Twinning om een nieuwe link; je antwoorden tot nu toe blijven bewaard.",
                en: "A personal link works for a limited time. Ask the Job Twinning coordinator for a new link; your answers so far are kept.")
        case .revoked:
            return LocalizedText(
                nl: "De coördinator heeft deze link ingetrokken. Vraag de coördinator van Job Twinning om een nieuwe link als je verder wilt.",
                en: "The coordinator has withdrawn this link. Ask the Job Twinning coordinator for a new link if you want to continue.")
        }
    }
}
