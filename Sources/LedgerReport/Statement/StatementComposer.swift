import Algorithms
import Collections
import LedgerCore

/// Turns an analysis into paragraphs of sentences. Sections that read the same artifacts
/// share one paragraph; each artifact is introduced once (source and short digest; the full
/// digest is in the appendix, the macros and JSON) and each limitation is stated once, where
/// it is first needed; a later paragraph refers back to it in one clause. Then the
/// derivation chains that carry inherited limitations, the code, and how to check a digest.
struct StatementComposer {
    let analysis: DisclosureAnalysis
    private let kinds: [Digest: String]
    private let sources: [Digest: [ArtifactSource]]

    init(_ analysis: DisclosureAnalysis) {
        self.analysis = analysis
        kinds = Dictionary(analysis.artifacts.map { ($0.digest, $0.kind?.rawValue ?? "") }, uniquingKeysWith: { first, _ in first })
        sources = Dictionary(analysis.artifacts.map { ($0.digest, $0.sources) }, uniquingKeysWith: { first, _ in first })
    }

    /// What earlier paragraphs already said, so later ones do not repeat it.
    private final class Stated {
        var introduced: Set<Digest> = []
        var limitations = LimitationKeySet()
        var chains: Set<[Digest]> = []
        /// License and set of terms already spelled out in full.
        var licenseTerms: Set<String> = []
    }

    /// Groups with results that read exactly the same artifacts, merged in first-seen order.
    private struct Paragraph {
        var sections: [String]
        var group: DisclosureGroup
    }

    private func merged(_ groups: [DisclosureGroup]) -> [Paragraph] {
        var out: [Paragraph] = []
        var index: [Set<Digest>: Int] = [:]
        for group in groups {
            let hasResults = group.experiments.contains { !$0.outcome.endedEarly }
            let key = Set(group.artifacts.map(\.digest))
            guard let section = group.section, hasResults, !key.isEmpty else {
                out.append(Paragraph(sections: group.section.map { [$0] } ?? [], group: group))
                continue
            }
            if let at = index[key] {
                out[at].sections.append(section)
                out[at].group.experiments += group.experiments
                // Packed keys, without a copy of every key first: merged sections of a lab
                // ledger share tens of thousands of limitations.
                var seen = LimitationKeySet()
                for limitation in out[at].group.limitations { seen.insert(limitation.key) }
                out[at].group.limitations += group.limitations.filter { seen.insert($0.key) }
                out[at].group.reproducibility = Reproducibility(out[at].group.limitations)
            } else {
                index[key] = out.count
                out.append(Paragraph(sections: [section], group: group))
            }
        }
        return out
    }

    /// Each paragraph in turn, so a renderer holds one paragraph's sentences at a time, not
    /// those of every paragraph of a 100,000-experiment statement.
    func forEachParagraph(_ body: ([Sentence]) -> Void) {
        guard !analysis.groups.isEmpty else {
            let ledgers = listed(analysis.ledgers.lazy.map { [.emphasis($0)] })
            let one = analysis.ledgers.count == 1
            return body([[.words(one ? "Ledger " : "Ledgers ")] + ledgers
                + [.words(one ? " records no experiments in the chosen scope." : " record no experiments in the chosen scope.")]])
        }
        let stated = Stated()
        for merged in merged(analysis.groups) { body(paragraph(merged, stated: stated)) }
        var closing = codeSentences()
        if !analysis.artifacts.isEmpty {
            closing.append([.words("Each digest is the SHA-256 of a file, or of the sorted "), .code("sha256sum"),
                            .words(" listing of a folder, so a copy can be checked with standard tools.")])
        }
        if let day = analysis.asOf {
            closing.append([.words("Availability is stated as of \(ProseFormatting.date(day)).")])
        }
        if !closing.isEmpty { body(closing) }
    }

    /// The paragraphs appended by `render` one after another, `separator` between them: a
    /// renderer writes onto the statement, not into a copy of each paragraph.
    func joined(separator: String, _ render: ([Sentence], inout String) -> Void) -> String {
        var out = ""
        var first = true
        forEachParagraph { paragraph in
            if !first { out += separator }
            first = false
            render(paragraph, &out)
        }
        return out
    }

    /// A limitation on its own, naming its artifact with its short digest (for `\reproLimit…` macros).
    func standalone(_ limitation: Limitation) -> Sentence {
        prose(introducing: { ref in [.text(ref.name), .words(" ("), .shortDigest(ref.digest), .words(")")] })
            .sentence(limitation)
    }

    /// First mention: "Llama-3.1-8B (Hugging Face meta-llama/Llama-3.1-8B at 0e9e39f249a1,
    /// sha256:da78561a65d5)"; later mentions: the name.
    private func introduction(_ ref: ArtifactRef) -> Sentence {
        var out: Sentence = [.text(ref.name), .words(" (")]
        for source in sources[ref.digest] ?? [] {
            switch source.type {
            case .huggingface:
                guard let repo = source.repo else { continue }
                out += [.words("Hugging Face "), .code(repo)]
                    + (source.revision.map { [.words(" at "), .code(String($0.prefix(12)))] } ?? []) + [.words(", ")]
            case .url:
                if let url = source.url { out += [.url(url), .words(", ")] }
            case .path:
                continue
            }
        }
        return out + [.shortDigest(ref.digest), .words(")")]
    }

    /// Opening, then what limits getting the bytes (each artifact in turn, then what
    /// derivatives inherit from their bases), then one sentence per license and set of terms,
    /// then unknown licenses, digests that cannot be trusted, and the code.
    private func paragraph(_ paragraph: Paragraph, stated: Stated) -> [Sentence] {
        let group = paragraph.group
        let mention: (ArtifactRef) -> Sentence = { ref in
            guard stated.introduced.insert(ref.digest).inserted else { return [.text(ref.name)] }
            return introduction(ref)
        }
        var sentences = opening(group, sections: paragraph.sections, mention: mention)
        sentences.append(ReproducibilityProse.sentence(group.reproducibility))
        if group.limitations.isEmpty {
            sentences.append([.words("The ledger records no limitation for these results.")])
        }
        let prose = prose(introducing: mention)
        // The new limitations are copied once; the rest is read through lazy filters: a merged
        // paragraph of a lab ledger holds tens of thousands, and each filtered copy was megabytes.
        var all: [Limitation] = []
        var referredTo: [ArtifactRef] = []
        for limitation in group.limitations {
            if stated.limitations.contains(limitation.key) {
                if let artifact = limitation.artifact { referredTo.append(artifact) }
            } else {
                all.append(limitation)
            }
        }
        all.forEach { stated.limitations.insert($0.key) }
        let direct = all.lazy.filter { $0.lineage.isEmpty }
        let inherited = all.lazy.filter { !$0.lineage.isEmpty }
        func say(_ limitations: some Sequence<Limitation>, _ bucket: Bucket) -> [Sentence] {
            limitations.filter { Bucket($0.kind) == bucket }.map(prose.sentence)
        }

        sentences += say(direct, .availability)
        var chains = Array(inherited.map(\.lineage).uniqued())
        // A derivation stated earlier whose limitations are all stated too needs no new sentence.
        for chain in group.limitations.lazy.map(\.lineage).uniqued() where !chain.isEmpty && !chains.contains(chain)
            && !stated.chains.contains(chain.map(\.digest)) {
            chains.append(chain)
        }
        for chain in chains {
            stated.chains.insert(chain.map(\.digest))
            sentences.append(derivation(chain, prose: prose, mention: mention))
            let own = inherited.filter { $0.lineage == chain }
            sentences += say(own, .availability) + say(own, .unknownLicense)
        }
        sentences += licenseSentences(all.lazy.filter(\.kind.isLicenseTerm), prose: prose, stated: stated)
        // The code of every experiment is stated once, at the end (`codeSentences`).
        sentences += say(direct, .unknownLicense) + say(direct, .integrity)
        referredTo = Array(referredTo.uniqued())
        if !referredTo.isEmpty {
            sentences.append([.words("The limitations of ")] + listed(referredTo.lazy.map { [.text($0.name)] })
                + [.words(" stated above apply here too.")])
        }
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

    /// Which license, on which artifact: the key that gathers a paragraph's license terms.
    private struct LicensedArtifact: Hashable {
        var license: String?
        var artifact: Digest?
    }

    /// One sentence per license and set of terms, naming every artifact it covers: the terms
    /// differ only where a term does not apply to a kind (OSI approval of a dataset).
    private func licenseSentences(_ terms: some Sequence<Limitation>, prose: LimitationProse, stated: Stated) -> [Sentence] {
        var byArtifact: OrderedDictionary<LicensedArtifact, [Limitation]> = [:]
        for term in terms {
            byArtifact[LicensedArtifact(license: term.evidence.license?.id, artifact: term.artifact?.digest), default: []].append(term)
        }
        var sentenceOrder: [String] = []
        var bySignature: [String: [Limitation]] = [:]
        for group in byArtifact.values {
            let signature = (group[0].evidence.license?.id ?? "") + "\u{0}"
                + group.map(\.kind.rawValue).sorted().joined(separator: ",")
            if bySignature[signature] == nil { sentenceOrder.append(signature) }
            bySignature[signature, default: []] += group
        }
        return sentenceOrder.map { signature in
            let terms = bySignature[signature]!
            guard !stated.licenseTerms.insert(signature).inserted, let license = terms.first?.evidence.license else {
                return prose.licenseSentence(terms)
            }
            // The same license with the same terms was spelled out above: name it only.
            let subjects = Array(terms.compactMap(\.artifact).uniqued())
            return prose.opening(subjects) + [.words(subjects.count == 1 ? " is also licensed under the " : " are also licensed under the "),
                .text(license.name), .words(" (terms stated above).")]
        }
    }

    /// What the results depend on, citing only the runs that completed: a failed run is
    /// no result. Failed runs are named in a sentence of their own. Each sentence is built in
    /// place: a whole ledger's opening names 100,000 experiments, and every `+` of it was a
    /// copy of the list.
    private func opening(_ group: DisclosureGroup, sections: [String], mention: (ArtifactRef) -> Sentence) -> [Sentence] {
        let results = group.experiments.filter { !$0.outcome.endedEarly }.map(\.name)
        let failed = group.experiments.filter { $0.outcome.endedEarly }.map(\.name)
        let ended = group.experiments.map(\.outcome).endedEarlyPhrase
        func experiments(_ names: [String], onto sentence: inout Sentence) {
            sentence.append(.words(names.count == 1 ? "experiment " : "experiments "))
            list(names.lazy.map { [.emphasis($0)] }, onto: &sentence)
        }
        /// "results in Table~\ref{…}", "results labelled “…”", "results of experiment …".
        func which(onto sentence: inout Sentence) {
            if sections.count > 1 {
                sentence += [.words("results in "), .labels(sections)]
            } else if let label = group.section {
                sentence += ProseFormatting.labelWord(label) != nil && ProseFormatting.isReferable(label)
                    ? [.words("results in "), .label(label)] : [.words("results labelled "), .quoted(label)]
            } else {
                sentence.append(.words("results of "))
                experiments(results.isEmpty ? failed : results, onto: &sentence)
            }
        }
        guard !results.isEmpty else {
            var noResult: Sentence = [.words("No completed run backs the ")]
            which(onto: &noResult)
            noResult.append(.words(": "))
            experiments(failed, onto: &noResult)
            noResult.append(.words(" \(ended)."))
            var out = [noResult]
            if !group.artifacts.isEmpty {
                var read: Sentence = [.words(failed.count == 1 ? "The \(ended) run depended on " : "The \(ended) runs depended on ")]
                list(group.artifacts.map(mention), onto: &read)
                read.append(.words("."))
                out.append(read)
            }
            return out
        }
        var subject: Sentence = [.words("The ")]
        which(onto: &subject)
        if group.section != nil {
            subject.append(.words(" ("))
            experiments(results, onto: &subject)
            subject.append(.words(")"))
        }
        if group.artifacts.isEmpty {
            subject.append(.words(" record no input artifacts."))
        } else {
            subject.append(.words(" depend on "))
            list(group.artifacts.map(mention), onto: &subject)
            subject.append(.words("."))
        }
        var out = [subject]
        if !failed.isEmpty {
            var notCounted: Sentence = [.words("The \(ended) " + (failed.count == 1 ? "run of " : "runs of "))]
            experiments(failed, onto: &notCounted)
            notCounted.append(.words(failed.count == 1 ? " is not counted among these results." : " are not counted among these results."))
            out.append(notCounted)
        }
        return out
    }

    /// One sentence per kind of code problem (and commit), naming every experiment it
    /// concerns, so sections run from the same dirty commit do not repeat it.
    private func codeSentences() -> [Sentence] {
        var seen = LimitationKeySet()
        var order: [String] = []
        // Per problem and commit, its evidence once and each experiment with its diff: a whole
        // ledger's 100,000 dirty runs are listed here.
        var byProblem: [String: (code: CodeEvidence, entries: [DiffEntry])] = [:]
        for limitation in analysis.groups.lazy.flatMap(\.limitations) where limitation.kind == .uncommittedCode {
            guard seen.insert(limitation.key), let code = limitation.evidence.code,
                  let experiment = limitation.experiment else { continue }
            let key = code.problem.rawValue + "\u{0}" + (code.commit ?? "")
            if byProblem[key] == nil {
                order.append(key)
                byProblem[key] = (code, [])
            }
            byProblem[key]!.entries.append(DiffEntry(experiment: experiment, diff: code.diffDigest))
        }
        return order.map { key in
            let (code, entries) = byProblem[key]!
            let one = entries.count == 1
            let subject: Sentence = [.words(one ? "Experiment " : "Experiments ")] + listed(entries.lazy.map { [.emphasis($0.experiment)] })
            let its = one ? "its" : "their"
            switch code.problem {
            case .noRepository:
                return subject + [.words(" ran outside a git repository, so the version of \(its) code is not recorded.")]
            case .noCommit:
                return subject + [.words(" ran in a git repository without any commit, so the version of \(its) code is not recorded.")]
            case .uncommittedChanges:
                return subject + [.words(" ran with uncommitted changes on top of commit "), .commit(code.commit ?? "")]
                    + diffs(entries) + [.words(", so the commit alone does not contain the code that ran.")]
            }
        }
    }

    private struct DiffEntry {
        var experiment: String
        var diff: Digest?
    }

    /// "; the diff has digest sha256:…", or per digest the experiments whose diff it is.
    private func diffs(_ entries: [DiffEntry]) -> Sentence {
        var order: [Digest?] = []
        var byDiff: [Digest?: [String]] = [:]
        for entry in entries {
            if byDiff[entry.diff] == nil { order.append(entry.diff) }
            byDiff[entry.diff, default: []].append(entry.experiment)
        }
        if order.count == 1 {
            let one = entries.count == 1
            return order[0].map { [.words(one ? "; the diff has digest " : "; each diff has digest "), .shortDigest($0)] }
                ?? [.words(one ? "; the diff was not recorded" : "; the diffs were not recorded")]
        }
        return [.words("; the diffs have digests ")] + listed(order.lazy.map { diff in
            let names = listed(byDiff[diff]!.lazy.map { [.emphasis($0)] })
            return diff.map { [.shortDigest($0), .words(" (")] + names + [.words(")")] }
                ?? [.words("none recorded (")] + names + [.words(")")]
        })
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
