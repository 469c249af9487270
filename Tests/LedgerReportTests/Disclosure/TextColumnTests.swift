import Testing
@testable import LedgerReport

/// Runs are sorted on this column: it must read back each text exactly and order texts as
/// their strings do, ASCII or not.
@Suite struct TextColumnTests {
    private func check(_ texts: [String]) {
        var column = TextColumn()
        texts.forEach { column.append($0) }
        #expect(column.count == texts.count)
        #expect(texts.indices.map { column[$0] } == texts)
        for a in texts.indices {
            for b in texts.indices {
                #expect(column.precedes(a, b) == (texts[a] < texts[b]), "\(texts[a]) < \(texts[b])")
                #expect(column.equal(a, b) == (texts[a] == texts[b]), "\(texts[a]) == \(texts[b])")
            }
        }
    }

    @Test func timestampsReadBackAndSortAsStrings() {
        check(["2026-03-01T10:00:00Z", "2026-03-01T09:59:59Z", "", "2026-03-01T10:00:00Z", "2026-03-01T10:00:00.5Z", "2026"])
    }

    /// "é" written precomposed and decomposed are one string to Swift, two byte sequences.
    @Test func nonASCIITextsSortAsStrings() {
        check(["caf\u{E9}", "cafe\u{301}", "cafe", "caf\u{E9}s", "Z", "\u{4E2D}"])
    }
}
