import Collections
import LedgerCore

/// Builds one paragraph's limitations: every input's own limitations first (so a base model
/// used directly is cited directly), then what each input inherits through lineage, then the
/// code of each experiment.
struct DisclosureGroupBuilder {
    let facts: ArtifactFacts

    func build(section: String?, runs all: [DisclosureRun]) -> DisclosureGroup {
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
            let code = run.code
            guard let problem = CodeEvidence.Problem(code) else { continue }
            let evidence: Evidence
            if let known = facts.limitationCache.codeEvidence[code] {
                evidence = known
            } else {
                evidence = Evidence(code: CodeEvidence(problem: problem, code: code))
                facts.limitationCache.codeEvidence[code] = evidence
            }
            let limitation = Limitation(kind: .uncommittedCode, experiment: run.name, experiments: [run.name], evidence: evidence)
            if seen.insert(limitation.key).inserted { limitations.append(limitation) }
        }

        return DisclosureGroup(
            section: section,
            experiments: all.map { DisclosedExperiment(run: $0, names: facts.names, reproducibility: reproducibility(of: $0)) },
            artifacts: inputs.map(facts.ref),
            limitations: limitations,
            reproducibility: Reproducibility(limitations))
    }

    /// The class of one run: of its inputs' own limitations and those they inherit, in
    /// statement order, the first of the most severe class. None of these carries a lineage,
    /// so `Reproducibility` keeps the first it meets at that class: the first input's deciding
    /// limitation at the run's class. Each input's class is worked out once, not once per run,
    /// and kept as the class it gives (not the limitation), so a run copies one small value.
    private func reproducibility(of run: DisclosureRun) -> Reproducibility {
        var best: Reproducibility?
        for digest in run.inputDigests {
            guard let candidate = deciding(digest) else { continue }
            if let current = best, current.class <= candidate.class { continue }
            best = candidate
        }
        return best ?? Reproducibility([])
    }

    /// The class given by the first limitation of the most severe class among a digest's own
    /// limitations and those inherited from its ancestors, in that order; nil when none bears
    /// on the class.
    private func deciding(_ digest: Digest) -> Reproducibility? {
        if let known = facts.limitationCache.deciding[digest] { return known }
        var best: Limitation?
        func consider(_ limitation: Limitation) {
            guard let candidate = ReproducibilityClass(limitation.kind) else { return }
            if let current = best, ReproducibilityClass(current.kind)! <= candidate { return }
            best = limitation
        }
        facts.limitations(of: digest).forEach(consider)
        for (ancestor, _) in facts.ancestors(digest) {
            for limitation in facts.limitations(of: ancestor) where limitation.kind.isInherited { consider(limitation) }
        }
        let decided = best.map { Reproducibility([$0]) }
        facts.limitationCache.deciding[digest] = .some(decided)
        return decided
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
