import DialogEngine
import TwinLanguage

/// What `jobtwin chat` itself says on a terminal, around the assistant's replies.
enum ChatText {
    /// After Ctrl-C at a prompt: the line is gone, and how to stop.
    static func interrupted(in language: Language) -> String {
        switch language {
        case .nl: return "(Regel gewist. Nog een keer Ctrl-C, of Ctrl-D, om te stoppen; je antwoorden zijn bewaard.)"
        case .en: return "(Line cleared. Press Ctrl-C again, or Ctrl-D, to stop; your answers are saved.)"
        }
    }

    /// When the chat ends with Ctrl-D or a second Ctrl-C.
    static func goodbye(in language: Language) -> String {
        switch language {
        case .nl: return "Tot ziens! Alles is bewaard: met `jobtwin chat` ga je verder bij deze vraag."
        case .en: return "Goodbye! Everything is saved: `jobtwin chat` continues at this question."
        }
    }
}
