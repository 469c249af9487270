import Algorithms
import Collections
import LedgerCore

/// Builds one paragraph's limitations: every input's own limitations first (so a base model
/// used directly is cited directly), then what each input inherits through lineage, then the
/// code of each experiment.
struct DisclosureGroupBuilder {
    let facts: ArtifactFacts

    func build(section: String?, runs all: [ExperimentRecord]) -> DisclosureGroup {
        // A failed or interrupted run produced no result: its inputs and code limit nothing the
        // paper reports. When every run ended early, the group still says what they read.
        let results = all.filter { !$0.outcome.endedEarly }
        let runs = results.isEmpty ? all : results
        // One pass over the runs: searching every run per input was quadratic in the runs.
        var readers: OrderedDictionary<Digest, OrderedSet<String>> = [:]
        for run in runs {
            for use in run.inputs { readers[use.digest, default: []].append(run.name) }
        }
        let inputs = Array(readers.keys)
        func users(_ digest: Digest) -> [String] { readers[digest]?.elements ?? [] }

        var seen: Set<Limitation.Key> = []
        var direct: [Digest: [Limitation]] = [:]
        for digest in inputs {
            direct[digest] = facts.limitations(of: digest).map { limitation in
                var limitation = limitation
                limitation.experiments = users(digest)
                seen.insert(limitation.key)
                return limitation
            }
        }
        var licenseTerms = Set(direct.values.joined().filter(\.kind.isLicenseTerm).map { Pair($0.kind, $0.evidence.license?.id) })

        var limitations: [Limitation] = []
        for digest in inputs {
            limitations += direct[digest]!
            for (ancestor, chain) in facts.ancestors(digest) {
                for var limitation in facts.limitations(of: ancestor) where limitation.kind.isInherited {
                    let term = Pair(limitation.kind, limitation.evidence.license?.id)
                    if limitation.kind.isLicenseTerm, licenseTerms.contains(term) { continue }
                    guard seen.insert(limitation.key).inserted else { continue }
                    if limitation.kind.isLicenseTerm { licenseTerms.insert(term) }
                    limitation.lineage = chain.map(facts.ref)
                    limitation.experiments = users(digest)
                    limitations.append(limitation)
                }
            }
        }
        for run in runs {
            guard let problem = CodeEvidence.Problem(run.code) else { continue }
            let limitation = Limitation(kind: .uncommittedCode, experiment: run.name, experiments: [run.name],
                                        evidence: Evidence(code: CodeEvidence(problem: problem, code: run.code)))
            if seen.insert(limitation.key).inserted { limitations.append(limitation) }
        }

        return DisclosureGroup(
            section: section,
            experiments: all.map { run in
                DisclosedExperiment(
                    name: run.name, ledger: run.ledger, section: run.section, outcome: run.outcome,
                    startedAt: run.startedAt, code: run.code,
                    inputs: run.inputs.map { facts.ref($0.digest) }, outputs: run.outputs.map { facts.ref($0.digest) },
                    reproducibility: Reproducibility(classOf(run)))
            },
            artifacts: inputs.map(facts.ref),
            limitations: limitations,
            reproducibility: Reproducibility(limitations))
    }

    /// One run's own limitations and those its inputs inherit, in statement order.
    private func classOf(_ run: ExperimentRecord) -> [Limitation] {
        run.inputs.map(\.digest).flatMap { digest in
            facts.limitations(of: digest) + facts.ancestors(digest).flatMap { facts.limitations(of: $0.ancestor) }
                .filter(\.kind.isInherited)
        }
    }

    private struct Pair: Hashable {
        var kind: LimitationKind
        var license: String?
        init(_ kind: LimitationKind, _ license: String?) {
            self.kind = kind
            self.license = license
        }
    }
}

/// Each item once, in first-seen order.
func unique<T: Hashable>(_ items: [T]) -> [T] { Array(items.uniqued()) }
