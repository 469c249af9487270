import LedgerCore
import Testing

/// A reader decodes one batch on the other cores while it fetches the next: the results must
/// come back whole and in the items' order, whenever they are collected.
@Suite struct BackgroundMapTests {
    @Test func resultsComeBackInOrderOfTheItems() {
        let items = Array(0..<5_000)
        let mapped = BackgroundMap(items) { String($0 * 3) }
        #expect(mapped.wait() == items.map { String($0 * 3) })
        #expect(mapped.wait() == items.map { String($0 * 3) }, "a second wait gives the same results, without blocking")
    }

    @Test func noItemsGiveNoResults() {
        #expect(BackgroundMap([Int]()) { $0 }.wait().isEmpty)
    }
}
