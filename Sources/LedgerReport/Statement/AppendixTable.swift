import LedgerCore

/// The appendix: one row per artifact with its license, availability and full digest,
/// composed once and spelled by each format like the statement.
struct AppendixTable {
    struct Row {
        var artifact: Sentence
        var license: Sentence
        var availability: Sentence
        var digest: Sentence
    }

    /// Short enough for a 4 cm column in bold.
    static let headers = ["Artifact", "License", "Status", "SHA-256"]

    let introduction: Sentence
    let rows: [Row]

    init(_ analysis: DisclosureAnalysis) {
        let asOf = analysis.asOf.map { " as of \(ProseFormatting.date($0))" } ?? ""
        introduction = [.words("The artifacts behind these results, with their licenses, availability\(asOf) "
            + "and SHA-256 digests:")]
        let names = Dictionary(analysis.artifacts.map { ($0.digest, $0.name) }, uniquingKeysWith: { first, _ in first })
        rows = analysis.artifacts.map { Self.row($0, names: names) }
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
            described += [.words("; derived from ")] + listed(artifact.derivedFrom.map { [.text($0.name)] })
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
            digest: digest)
    }
}
