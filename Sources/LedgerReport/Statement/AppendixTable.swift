import LedgerCore

/// The appendix: one row per artifact with its license, availability, source and full
/// digest, composed once and spelled by each format like the statement.
struct AppendixTable {
    struct Row {
        var artifact: Sentence
        var license: Sentence
        var availability: Sentence
        /// Where to get it: Hub repository and revision, URL, or path in the repository.
        var source: Sentence
        var digest: Sentence
    }

    /// Short enough for a 4 cm column in bold.
    static let headers = ["Artifact", "License", "Status", "Source", "SHA-256"]

    let introduction: Sentence
    let rows: [Row]
    /// Per paragraph of the statement: the results it covers and their reproducibility class.
    let classes: [(results: Sentence, reproducibility: Sentence)]
    static let classesIntroduction: Sentence = [.words("Reproducibility class of each set of results "
        + "(most severe first: not-reproducible, license-restricted, access-required, reproducible):")]

    init(_ analysis: DisclosureAnalysis) {
        let asOf = analysis.asOf.map { " as of \(ProseFormatting.date($0))" } ?? ""
        introduction = [.words("The artifacts behind these results, with their licenses, availability\(asOf) "
            + "and SHA-256 digests:")]
        let names = Dictionary(analysis.artifacts.map { ($0.digest, $0.name) }, uniquingKeysWith: { first, _ in first })
        rows = analysis.artifacts.map { Self.row($0, names: names) }
        classes = analysis.groups.map { group in
            let results: Sentence = group.section.map { label in
                ProseFormatting.labelWord(label) != nil && ProseFormatting.isReferable(label) ? [.label(label)] : [.quoted(label)]
            } ?? listed(group.experiments.lazy.map { [.emphasis($0.name)] })
            return (results, ReproducibilityProse.short(group.reproducibility))
        }
    }

    private static func row(_ artifact: DisclosedArtifact, names: [Digest: String]) -> Row {
        var what: [String] = [artifact.kind?.rawValue ?? "not recorded"]
        switch artifact.role {
        case .used: break
        case .produced: what.append("produced")
        case .lineage: what.append("base of a derived artifact")
        }
        var described: Sentence = [.text(artifact.name), .words(" (\(what.joined(separator: ", ")))")]
        if !artifact.derivedFrom.isEmpty {
            described += [.words("; derived from ")] + listed(artifact.derivedFrom.lazy.map { [.text($0.name)] })
        }

        var availability: Sentence
        if let event = artifact.availability {
            availability = [.words(event.status.phrase + " as of " + ProseFormatting.date(event.date))]
        } else {
            availability = [.words("no event recorded")]
        }
        if let copy = artifact.retainedCopy {
            availability += [.words("; copy retained by the authors (\(ProseFormatting.date(copy.date)))")]
        }

        var digest: Sentence = [.digest(artifact.digest)]
        if artifact.layout == .lfsPointer { digest += [.words(" (from a git-LFS pointer)")] }
        if artifact.verified == false { digest += [.words(" (the authors' copy no longer matches)")] }

        return Row(
            artifact: described,
            license: artifact.license.map { [.text($0)] } ?? [.words("not recorded")],
            availability: availability,
            source: source(artifact.sources),
            digest: digest)
    }

    /// Every recorded source, "; "-separated; "not recorded" when there is none.
    static func source(_ sources: [ArtifactSource]) -> Sentence {
        let pieces: [Sentence] = sources.compactMap { source in
            switch source.type {
            case .huggingface:
                guard let repo = source.repo else { return nil }
                return [.words("Hugging Face "), .code(repo)]
                    + (source.revision.map { [.words(" at revision "), .commit($0)] } ?? [])
            case .url:
                return source.url.map { [.url($0)] }
            case .path:
                return source.path.map { [.words("path "), .code($0), .words(" in the paper's repository")] }
            }
        }
        guard !pieces.isEmpty else { return [.words("not recorded")] }
        var out: Sentence = []
        for (index, piece) in pieces.enumerated() {
            if index > 0 { out.append(.words("; ")) }
            out += piece
        }
        return out
    }
}
