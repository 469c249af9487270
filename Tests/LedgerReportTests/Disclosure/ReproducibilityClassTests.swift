import LedgerReport
import Testing

/// Classes are ordered most severe first, as declared: the comparison that decides every
/// run's class must agree with that order, and each limitation kind has its class.
@Suite struct ReproducibilityClassTests {
    @Test func comparisonFollowsTheDeclaredOrder() {
        let all = ReproducibilityClass.allCases
        for (i, lhs) in all.enumerated() {
            for (j, rhs) in all.enumerated() {
                #expect((lhs < rhs) == (i < j), "\(lhs) < \(rhs)")
            }
        }
        #expect(all.sorted() == all)
    }

    @Test func eachLimitationKindHasItsClass() {
        #expect(ReproducibilityClass(.withdrawn) == .notReproducible)
        #expect(ReproducibilityClass(.privateData) == .notReproducible)
        #expect(ReproducibilityClass(.redistributionForbidden) == .licenseRestricted)
        #expect(ReproducibilityClass(.nonCommercial) == .licenseRestricted)
        #expect(ReproducibilityClass(.usageCap) == .licenseRestricted)
        #expect(ReproducibilityClass(.gated) == .accessRequired)
        #expect(ReproducibilityClass(.apiOnly) == .accessRequired)
        #expect(ReproducibilityClass(.attributionDuty) == nil)
        #expect(ReproducibilityClass(.retainedCopy) == nil)
    }
}
