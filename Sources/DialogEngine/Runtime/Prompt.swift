/// What the conversation asks now: the slot, the kind of answer, its limits and its options.
///
/// The engine's own output; the application that runs the engine presents it (JobTwin maps it
/// to its reply contract).
public struct Prompt: Sendable, Hashable {
    /// One option of a choice, as shown.
    public struct Option: Sendable, Hashable {
        /// The stable value stored when it is chosen.
        public var value: String
        /// The label in the participant's language.
        public var label: String

        /// Creates an option.
        public init(value: String, label: String) {
            self.value = value
            self.label = label
        }
    }

    /// The slot the answer goes into.
    public var slot: String
    /// The kind of answer.
    public var type: InputType
    /// The question as shown.
    public var text: String
    /// The smallest number (integer, number), the fewest characters (text) or choices
    /// (multichoice) accepted.
    public var min: Double?
    /// The largest accepted, likewise.
    public var max: Double?
    /// The options of a choice, numbered from 1 in this order; `nil` for other types.
    public var options: [Option]?
    /// Whether `skip` is allowed.
    public var optional: Bool
    /// The unlisted options of a choice that are accepted now (`listed: false`): no number,
    /// not shown in the list; the dialog names their keyword in a message of its own.
    public var shortcuts: [Option] = []
    /// `date`: the earliest day accepted, when the question limits it.
    public var minDate: LocalDate?
    /// `date`: the latest day accepted.
    public var maxDate: LocalDate?
    /// The question's place among its dialog's questions, when that is known ("vraag 5 van 15").
    public var progress: QuestionProgress?

    /// Creates a prompt.
    public init(slot: String, type: InputType, text: String, min: Double? = nil, max: Double? = nil,
                options: [Option]? = nil, optional: Bool = false) {
        self.slot = slot
        self.type = type
        self.text = text
        self.min = min
        self.max = max
        self.options = options
        self.optional = optional
    }
}
