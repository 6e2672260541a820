extension Reply {
    /// The kind of answer a prompt expects; a channel picks its controls by it (buttons for a
    /// choice, a date picker for a date).
    public enum AnswerType: String, Sendable, Hashable, Codable, CaseIterable {
        case text
        case integer
        case number
        case date
        case yesno
        case choice
        case multichoice
        case email
    }

    /// What the conversation asks now: the slot, the kind of answer, its limits and its options.
    public struct Prompt: Sendable, Hashable, Codable {
        /// One option of a choice, as shown.
        public struct Option: Sendable, Hashable, Codable {
            /// The stable value stored when it is chosen; a channel may send it back as the answer.
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
        public var type: AnswerType
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
        /// `date`: the earliest day accepted, as `YYYY-MM-DD`, when the question limits it.
        public var minDate: String?
        /// `date`: the latest day accepted, likewise.
        public var maxDate: String?
        /// The question's place among the questions of its part, when that is known: "vraag 5
        /// van 15". Unknown in a part that loops back (a review), and for a part's only question.
        public var progress: Progress?

        /// Creates a prompt.
        public init(slot: String, type: AnswerType, text: String, min: Double? = nil, max: Double? = nil,
                    options: [Option]? = nil, optional: Bool = false, minDate: String? = nil, maxDate: String? = nil,
                    progress: Progress? = nil) {
            self.slot = slot
            self.type = type
            self.text = text
            self.min = min
            self.max = max
            self.options = options
            self.optional = optional
            self.minDate = minDate
            self.maxDate = maxDate
            self.progress = progress
        }

        private enum CodingKeys: String, CodingKey {
            case slot, type, text, min, max, options, optional, progress
            case minDate = "min_date"
            case maxDate = "max_date"
        }

        // Absent limits and options are written as `null`, as the contract shows them.
        public func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(slot, forKey: .slot)
            try c.encode(type, forKey: .type)
            try c.encode(text, forKey: .text)
            try c.encode(min, forKey: .min)
            try c.encode(max, forKey: .max)
            try c.encode(options, forKey: .options)
            try c.encode(optional, forKey: .optional)
            try c.encode(minDate, forKey: .minDate)
            try c.encode(maxDate, forKey: .maxDate)
            try c.encode(progress, forKey: .progress)
        }
    }

    /// Where a question stands among the questions of its part of the conversation.
    public struct Progress: Sendable, Hashable, Codable {
        /// The question's number, 1 first.
        public var number: Int
        /// How many questions the part has, as far as known now (a later answer can leave
        /// questions out or add them).
        public var total: Int

        /// Creates a place among `total` questions.
        public init(number: Int, total: Int) {
            self.number = number
            self.total = total
        }
    }
}

extension Reply.Prompt {
    /// A short digest of what the question offers — its type and its options' values, in order
    /// — which a button carries with its turn: a menu whose options moved since it was shown
    /// (the partner proposed a plan, and "Planning bekijken en bevestigen" came first) has
    /// another digest, and a click meant for the old numbering is not taken for the new one.
    public var fingerprint: String {
        // FNV-1a, 32 bits: stable across processes and versions, unlike `Hasher`.
        var hash: UInt32 = 2_166_136_261
        let text = type.rawValue + "|" + (options ?? []).map(\.value).joined(separator: "|")
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}
