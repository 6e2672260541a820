/// The small numbers participants write out in words (`acht keer`, `twelve weeks`).
enum NumberWords {
    /// Folded Dutch and English number words, zero to twenty, to their values.
    static let values: [String: Int] = {
        let dutch = ["nul", "een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen",
                     "tien", "elf", "twaalf", "dertien", "veertien", "vijftien", "zestien",
                     "zeventien", "achttien", "negentien", "twintig"]
        let english = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
                       "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
                       "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
        var table: [String: Int] = [:]
        for (value, word) in dutch.enumerated() { table[word] = value }
        for (value, word) in english.enumerated() { table[word] = value }
        return table
    }()

    /// The value of a folded word, `nil` when it is not a number word. Folding has already
    /// turned `één` into `een`.
    static func value(of foldedWord: String) -> Int? {
        values[foldedWord]
    }
}
