import TwinLanguage

/// What `jobtwin chat` itself says on a terminal, around the assistant's replies.
enum ChatText {
    /// After Ctrl-C at a prompt: the line is gone, and how to stop.
    static let interrupted = LocalizedText(
        nl: "(Regel gewist. Nog een keer Ctrl-C, of Ctrl-D, om te stoppen; je antwoorden zijn bewaard.)",
        en: "(Line cleared. Press Ctrl-C again, or Ctrl-D, to stop; your answers are saved.)")

    /// When the chat ends with Ctrl-D or a second Ctrl-C.
    static let goodbye = LocalizedText(
        nl: "Tot ziens! Alles is bewaard: met `jobtwin chat` ga je verder bij deze vraag.",
        en: "Goodbye! Everything is saved: `jobtwin chat` continues at this question.")
}
