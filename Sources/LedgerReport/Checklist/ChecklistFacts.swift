import LedgerCore

/// The ledger facts checklist answers rest on, read from a disclosure analysis.
struct ChecklistFacts {
    let analysis: DisclosureAnalysis
    /// Artifacts the authors did not make: read by the experiments or reached through lineage,
    /// and not written by any experiment in scope.
    let existing: [DisclosedArtifact]
    /// Models, datasets, tokenizers, configs and code the experiments wrote (results excluded).
    let new: [DisclosedArtifact]
    let limitations: [Limitation]
    /// Digests with a `licenseUnknown` limitation: asked once per artifact.
    private let unknownLicenses: Set<Digest>

    init(_ analysis: DisclosureAnalysis) {
        self.analysis = analysis
        // Lazily: a whole ledger's experiments are not copied into one array to read their outputs.
        let produced = Set(analysis.groups.lazy.flatMap(\.experiments).flatMap(\.outputs).map(\.digest))
        existing = analysis.artifacts.filter { !produced.contains($0.digest) }
        new = analysis.artifacts.filter { produced.contains($0.digest) && $0.kind != .result }
        limitations = analysis.distinctLimitations
        unknownLicenses = Set(limitations.filter { $0.kind == .licenseUnknown }.compactMap(\.artifact?.digest))
    }

    func limitations(_ kind: LimitationKind) -> [Limitation] { limitations.filter { $0.kind == kind } }

    /// Whether the artifact's license is recorded and identified.
    func licenseKnown(_ artifact: DisclosedArtifact) -> Bool {
        artifact.license != nil && !unknownLicenses.contains(artifact.digest)
    }

    /// A URL or Hugging Face repository a reader can credit and find.
    func origin(_ artifact: DisclosedArtifact) -> Sentence? {
        for source in artifact.sources {
            switch source.type {
            case .huggingface:
                guard let repo = source.repo else { continue }
                return [.words("Hugging Face "), .code(repo + (source.revision.map { "@" + $0.prefix(12) } ?? ""))]
            case .url:
                if let url = source.url { return [.url(url)] }
            case .path:
                continue
            }
        }
        return nil
    }

    func names(_ artifacts: [DisclosedArtifact]) -> Sentence { listed(artifacts.lazy.map { [.text($0.name)] }) }

    /// "A (L1), B (L2)": each artifact with its license names.
    func withLicenses(_ artifacts: [DisclosedArtifact]) -> Sentence {
        listed(artifacts.lazy.map { artifact in
            [.text(artifact.name), .words(" (")] + listed(artifact.licenseNames.lazy.map { [.text($0)] }) + [.words(")")]
        })
    }

    /// The sentences saying which licenses are missing or unidentified.
    func missingLicenses(_ artifacts: [DisclosedArtifact]) -> [Sentence] {
        let none = artifacts.filter { $0.license == nil }
        let vague = artifacts.filter { $0.license != nil && !licenseKnown($0) }
        var out: [Sentence] = []
        if !none.isEmpty {
            out.append([.words("No license is recorded for ")] + names(none) + [.words(".")])
        }
        if !vague.isEmpty {
            out.append([.words("The recorded license of ")] + names(vague)
                + [.words(" is not identified precisely enough to state its terms.")])
        }
        return out
    }
}
