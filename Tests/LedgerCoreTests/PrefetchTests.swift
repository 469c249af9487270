import LedgerCore
import Testing

/// A reader decodes one batch on the other cores while it fetches the next: the results must
/// come back whole and in the items' order, however often they are asked for.
@Suite struct PrefetchTests {
    @Test func resultsComeBackInOrderOfTheItems() {
        let items = Array(0..<5_000)
        let mapped = Prefetch { ParallelMap.map(items) { String($0 * 3) } }
        #expect(mapped.value == items.map { String($0 * 3) })
        #expect(mapped.value == items.map { String($0 * 3) }, "asked again, the same results, without blocking")
    }

    @Test func noItemsGiveNoResults() {
        #expect(Prefetch { ParallelMap.map([Int]()) { $0 } }.value.isEmpty)
    }
}
