/// A question of the dialogs under way that has an answer now, as the participant read and
/// answered it: for a channel that shows the conversation so far (the web chat after a reload),
/// rebuilt from the conversation state rather than kept as text.
public struct AnsweredQuestion: Sendable, Hashable {
    /// The slot the answer is in.
    public var slot: String
    /// The question, in the participant's language.
    public var question: String
    /// The answer as the summaries show it: an option's label, a date written out.
    public var answer: String

    /// Creates an answered question.
    public init(slot: String, question: String, answer: String) {
        self.slot = slot
        self.question = question
        self.answer = answer
    }
}
