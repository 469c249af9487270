import LedgerCore

/// Turns an analysis into paragraphs of sentences: per group, which artifacts the results
/// depend on (with digests), then each limitation, the derivation chains that carry
/// inherited ones, and the code; finally how to check a digest.
struct StatementComposer {
    let analysis: DisclosureAnalysis
    private let kinds: [Digest: String]

    init(_ analysis: DisclosureAnalysis) {
        self.analysis = analysis
        kinds = Dictionary(analysis.artifacts.map { ($0.digest, $0.kind?.rawValue ?? "") }, uniquingKeysWith: { first, _ in first })
    }

    func paragraphs() -> [[Sentence]] {
        guard !analysis.groups.isEmpty else {
            let ledgers = listed(analysis.ledgers.map { [.emphasis($0)] })
            let one = analysis.ledgers.count == 1
            return [[[.words(one ? "Ledger " : "Ledgers ")] + ledgers
                + [.words(one ? " records no experiments in the chosen scope." : " record no experiments in the chosen scope.")]]]
        }
        var paragraphs = analysis.groups.map(paragraph)
        var closing: [Sentence] = []
        if !analysis.artifacts.isEmpty {
            closing.append([.words("Each digest is the SHA-256 of a file, or of the sorted "), .code("sha256sum"),
                            .words(" listing of a folder, so a copy can be checked with standard tools.")])
        }
        if let day = analysis.asOf {
            closing.append([.words("Availability is stated as of \(ProseFormatting.date(day)).")])
        }
        if !closing.isEmpty { paragraphs.append(closing) }
        return paragraphs
    }

    /// A limitation on its own, naming its artifact with its digest (for `\reproLimit…` macros).
    func standalone(_ limitation: Limitation) -> Sentence {
        prose(introducing: { ref in [.text(ref.name), .words(" ("), .digest(ref.digest), .words(")")] })
            .sentence(limitation)
    }

    /// Opening, then what limits getting the bytes (each artifact in turn, then what
    /// derivatives inherit from their bases), then one sentence per license and set of terms,
    /// then unknown licenses, digests that cannot be trusted, and the code.
    private func paragraph(_ group: DisclosureGroup) -> [Sentence] {
        var introduced: Set<Digest> = []
        let mention: (ArtifactRef) -> Sentence = { ref in
            guard introduced.insert(ref.digest).inserted else { return [.text(ref.name)] }
            return [.text(ref.name), .words(" ("), .digest(ref.digest), .words(")")]
        }
        var sentences = [opening(group, mention: mention)]
        if group.limitations.isEmpty {
            sentences.append([.words("The ledger records no limitation for these results.")])
        }
        let prose = prose(introducing: mention)
        let all = group.limitations
        let direct = all.filter { $0.lineage.isEmpty }
        let inherited = all.filter { !$0.lineage.isEmpty }
        func stated(_ limitations: [Limitation], _ bucket: Bucket) -> [Sentence] {
            limitations.filter { Bucket($0.kind) == bucket }.map(prose.sentence)
        }

        sentences += stated(direct, .availability)
        for chain in unique(inherited.map(\.lineage)) {
            sentences.append(derivation(chain, prose: prose, mention: mention))
            let own = inherited.filter { $0.lineage == chain }
            sentences += stated(own, .availability) + stated(own, .unknownLicense)
        }
        sentences += licenseSentences(all.filter(\.kind.isLicenseTerm), prose: prose)
        sentences += stated(direct, .unknownLicense) + stated(direct, .integrity) + stated(direct, .code)
        return sentences
    }

    /// Where a limitation goes in its paragraph.
    private enum Bucket {
        case availability, licenseTerm, unknownLicense, integrity, code

        init(_ kind: LimitationKind) {
            switch kind {
            case .withdrawn, .deprecated, .apiOnly, .gated, .privateData, .retainedCopy: self = .availability
            case .redistributionForbidden, .nonCommercial, .usageCap, .notOSIApproved, .attributionDuty, .namingDuty:
                self = .licenseTerm
            case .licenseUnknown: self = .unknownLicense
            case .hashNotRecorded, .hashMismatch: self = .integrity
            case .uncommittedCode: self = .code
            }
        }
    }

    /// One sentence per license and set of terms, naming every artifact it covers: the terms
    /// differ only where a term does not apply to a kind (OSI approval of a dataset).
    private func licenseSentences(_ terms: [Limitation], prose: LimitationProse) -> [Sentence] {
        var order: [String] = []
        var byArtifact: [String: [Limitation]] = [:]
        for term in terms {
            let key = (term.evidence.license?.id ?? "") + "\u{0}" + (term.artifact?.digest.hex ?? "")
            if byArtifact[key] == nil { order.append(key) }
            byArtifact[key, default: []].append(term)
        }
        var sentenceOrder: [String] = []
        var bySignature: [String: [Limitation]] = [:]
        for key in order {
            let group = byArtifact[key]!
            let signature = (group[0].evidence.license?.id ?? "") + "\u{0}"
                + group.map(\.kind.rawValue).sorted().joined(separator: ",")
            if bySignature[signature] == nil { sentenceOrder.append(signature) }
            bySignature[signature, default: []] += group
        }
        return sentenceOrder.map { prose.licenseSentence(bySignature[$0]!) }
    }

    private func opening(_ group: DisclosureGroup, mention: (ArtifactRef) -> Sentence) -> Sentence {
        let names = group.experiments.map(\.name)
        let experiments: Sentence = [.words(names.count == 1 ? "experiment " : "experiments ")]
            + listed(names.map { [.emphasis($0)] })
        var subject: Sentence
        if let label = group.section {
            if ProseFormatting.labelWord(label) != nil, ProseFormatting.isReferable(label) {
                subject = [.words("The results in "), .label(label)]
            } else {
                subject = [.words("The results labelled "), .quoted(label)]
            }
            subject += [.words(" (")] + experiments + [.words(")")]
        } else {
            subject = [.words("The results of ")] + experiments
        }
        guard !group.artifacts.isEmpty else { return subject + [.words(" record no input artifacts.")] }
        return subject + [.words(" depend on ")] + listed(group.artifacts.map(mention)) + [.words(".")]
    }

    /// "A was derived from B (digest), which was derived from C (digest), so the limitations
    /// of C also apply to these results."
    private func derivation(_ chain: [ArtifactRef], prose: LimitationProse, mention: (ArtifactRef) -> Sentence) -> Sentence {
        var sentence = prose.opening([chain[0]])
        for (index, ref) in chain.enumerated().dropFirst() {
            sentence += [.words(index == 1 ? " was derived from " : ", which was derived from ")] + mention(ref)
        }
        return sentence + [.words(", so the limitations of "), .text(chain.last!.name), .words(" also apply to these results.")]
    }

    private func prose(introducing mention: @escaping (ArtifactRef) -> Sentence) -> LimitationProse {
        let kinds = kinds
        return LimitationProse(name: mention, kindOf: { kinds[$0].flatMap { $0.isEmpty ? nil : $0 } })
    }
}
