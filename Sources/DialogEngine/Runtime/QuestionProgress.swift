/// Where a question stands among the questions of its dialog: "vraag 5 van 15". Shown by
/// `status` and carried by the `Prompt`, so that a channel can show it beside the question.
public struct QuestionProgress: Sendable, Hashable {
    /// The question's number, 1 first.
    public var number: Int
    /// How many questions the participant is taken through, as far as known now.
    public var total: Int

    /// Creates a place among `total` questions.
    public init(number: Int, total: Int) {
        self.number = number
        self.total = total
    }
}
