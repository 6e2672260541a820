/// What a question accepts: its input type and the limits that go with it.
///
/// Attributes that do not belong to the type (a `minLength` on a date question) are ignored
/// when parsing; the linter is the place that reports them.
public struct InputSpec: Sendable, Hashable, Codable {
    /// The kind of answer.
    public var type: InputType
    /// `text`: the fewest characters; `nil` means ``defaultMinLength``.
    public var minLength: Int?
    /// `text`: the most characters; `nil` means ``defaultMaxLength``.
    public var maxLength: Int?
    /// `integer` and `number`: the smallest accepted value.
    public var min: Double?
    /// `integer` and `number`: the largest accepted value.
    public var max: Double?
    /// `date`: the earliest accepted day.
    public var minDate: LocalDate?
    /// `date`: the latest accepted day.
    public var maxDate: LocalDate?
    /// `choice` and `multichoice`: the options as shown, in order; the numbers participants
    /// type are 1-based positions in this list.
    public var options: [ChoiceOption]
    /// `choice`: how many of `options`, from the first, take a number; the ones after them are
    /// accepted only by their spellings (unlisted options). `nil` for all.
    public var numberedOptions: Int?
    /// `multichoice`: the fewest options to pick; `nil` means ``defaultMinChoices``.
    public var minChoices: Int?
    /// `multichoice`: the most options to pick; `nil` means no limit.
    public var maxChoices: Int?

    /// The shortest text answer when `minLength` is not given: an empty answer is no answer.
    public static let defaultMinLength = 1
    /// The longest text answer when `maxLength` is not given.
    public static let defaultMaxLength = 2000
    /// The fewest options of a multichoice when `minChoices` is not given.
    public static let defaultMinChoices = 1

    /// Creates a specification; every limit is optional.
    public init(
        type: InputType,
        minLength: Int? = nil,
        maxLength: Int? = nil,
        min: Double? = nil,
        max: Double? = nil,
        minDate: LocalDate? = nil,
        maxDate: LocalDate? = nil,
        options: [ChoiceOption] = [],
        minChoices: Int? = nil,
        maxChoices: Int? = nil
    ) {
        self.type = type
        self.minLength = minLength
        self.maxLength = maxLength
        self.min = min
        self.max = max
        self.minDate = minDate
        self.maxDate = maxDate
        self.options = options
        self.minChoices = minChoices
        self.maxChoices = maxChoices
    }

    // The keys follow the attribute names of an `ask` step in a dialog file.
    private enum CodingKeys: String, CodingKey {
        case type
        case minLength = "min_length"
        case maxLength = "max_length"
        case min, max
        case minDate = "min_date"
        case maxDate = "max_date"
        case options
        case minChoices = "min_choices"
        case maxChoices = "max_choices"
    }

    /// Decodes a specification. Every attribute but `type` may be left out, and a date
    /// question may give its bounds as `min`/`max` ISO dates, as dialog files do.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        type = try c.decode(InputType.self, forKey: .type)
        minLength = try c.decodeIfPresent(Int.self, forKey: .minLength)
        maxLength = try c.decodeIfPresent(Int.self, forKey: .maxLength)
        options = try c.decodeIfPresent([ChoiceOption].self, forKey: .options) ?? []
        minChoices = try c.decodeIfPresent(Int.self, forKey: .minChoices)
        maxChoices = try c.decodeIfPresent(Int.self, forKey: .maxChoices)
        minDate = try c.decodeIfPresent(LocalDate.self, forKey: .minDate)
        maxDate = try c.decodeIfPresent(LocalDate.self, forKey: .maxDate)
        if type == .date {
            // A date bound under `min`/`max` is the dialog-file spelling; a number there on a
            // date question is left to the linter rather than refused here.
            if minDate == nil, let date = try? c.decodeIfPresent(LocalDate.self, forKey: .min) {
                minDate = date
            }
            if maxDate == nil, let date = try? c.decodeIfPresent(LocalDate.self, forKey: .max) {
                maxDate = date
            }
            min = try? c.decodeIfPresent(Double.self, forKey: .min)
            max = try? c.decodeIfPresent(Double.self, forKey: .max)
        } else {
            min = try c.decodeIfPresent(Double.self, forKey: .min)
            max = try c.decodeIfPresent(Double.self, forKey: .max)
        }
    }

    /// Encodes the attributes that are set; dates always under `min_date`/`max_date` so that
    /// nothing is lost when a date question also carries numeric bounds.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(type, forKey: .type)
        try c.encodeIfPresent(minLength, forKey: .minLength)
        try c.encodeIfPresent(maxLength, forKey: .maxLength)
        try c.encodeIfPresent(min, forKey: .min)
        try c.encodeIfPresent(max, forKey: .max)
        try c.encodeIfPresent(minDate, forKey: .minDate)
        try c.encodeIfPresent(maxDate, forKey: .maxDate)
        if !options.isEmpty { try c.encode(options, forKey: .options) }
        try c.encodeIfPresent(minChoices, forKey: .minChoices)
        try c.encodeIfPresent(maxChoices, forKey: .maxChoices)
    }
}
