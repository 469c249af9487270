/// Texts that rarely repeat (start times), stored end to end as UTF-8 in one buffer: as
/// strings, 100,000 timestamps of twenty-odd characters were 100,000 heap objects.
struct TextColumn: Sendable {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    /// Whether every text is ASCII, where byte order is `String` order.
    private var allASCII = true

    var count: Int { ends.count }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        ends.append(bytes.count)
        if allASCII, !text.utf8.allSatisfy({ $0 < 0x80 }) { allASCII = false }
    }

    subscript(index: Int) -> String {
        String(decoding: utf8(index), as: UTF8.self)
    }

    /// Whether text `a` sorts before text `b` as their strings do.
    func precedes(_ a: Int, _ b: Int) -> Bool {
        guard allASCII else { return self[a] < self[b] }
        return utf8(a).lexicographicallyPrecedes(utf8(b))
    }

    func equal(_ a: Int, _ b: Int) -> Bool {
        guard allASCII else { return self[a] == self[b] }
        return utf8(a).elementsEqual(utf8(b))
    }

    private func utf8(_ index: Int) -> ArraySlice<UInt8> {
        bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
    }
}
