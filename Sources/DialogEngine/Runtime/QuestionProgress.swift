/// Where a question stands among the questions of its dialog, for `status`: "vraag 5 van 15".
struct QuestionProgress: Sendable, Hashable {
    /// The question's number, 1 first.
    var number: Int
    /// How many questions the participant is taken through, as far as known now.
    var total: Int
}
