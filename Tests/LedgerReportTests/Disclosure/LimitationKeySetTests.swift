import LedgerCore
import Testing
@testable import LedgerReport

/// The compact set must answer exactly as a `Set` of the full keys: a statement that took
/// two limitations for one would leave one unstated, or state one twice.
@Suite struct LimitationKeySetTests {
    @Test func answersAsASetOfFullKeys() {
        let digests = [Digest.of("a"), Digest.of("b")]
        var keys: [Limitation.Key] = []
        for kind in [LimitationKind.withdrawn, .nonCommercial, .uncommittedCode] {
            for artifact in [nil] + digests {
                for experiment in [nil, "run-1", "run-2"] {
                    // A license text equal to an experiment's name must not be taken for it.
                    for license in [nil, "run-1", "llama3.1"] {
                        keys.append(Limitation.Key(kind: kind, artifact: artifact, experiment: experiment, license: license))
                    }
                }
            }
        }
        var compact = LimitationKeySet()
        var full: Set<Limitation.Key> = []
        // Half inserted, in an order unlike the enumeration, then every key asked about.
        for (index, key) in keys.enumerated().reversed() where index % 2 == 0 {
            #expect(compact.insert(key) == full.insert(key).inserted)
        }
        for key in keys {
            #expect(compact.contains(key) == full.contains(key))
        }
        for key in keys {
            #expect(compact.insert(key) == full.insert(key).inserted)
        }
        #expect(compact.count == full.count)
        #expect(compact.count == 3 * 3 * 3 * 3)
    }
}
