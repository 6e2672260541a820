/// A set of slots as bits over their numbers, for the linter's may-set analysis: that analysis
/// unions and compares the sets of every step of every dialog until nothing changes, which
/// with sets of names was most of the time it takes to load the dialogs.
struct SlotSet: Equatable {
    private var words: [UInt64]

    /// An empty set with room for `capacity` slot numbers.
    init(capacity: Int) {
        words = Array(repeating: 0, count: (capacity + 63) / 64)
    }

    /// Whether slot number `index` is in the set.
    func contains(_ index: Int) -> Bool {
        words[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    /// Adds slot number `index`.
    mutating func insert(_ index: Int) {
        words[index >> 6] |= 1 << UInt64(index & 63)
    }

    /// Adds every slot of `other` (of the same capacity).
    mutating func formUnion(_ other: SlotSet) {
        for index in words.indices { words[index] |= other.words[index] }
    }

    /// This set with every slot of `other` added.
    func union(_ other: SlotSet) -> SlotSet {
        var result = self
        result.formUnion(other)
        return result
    }
}
