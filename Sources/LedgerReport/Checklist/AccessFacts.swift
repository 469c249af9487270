import LedgerCore

/// What keeps a reader from the bytes and code behind the results: availability of the
/// artifacts (directly or through lineage), digests that cannot be checked, and code that
/// no commit holds.
struct AccessFacts {
    private let facts: ChecklistFacts
    private let restricted: [Limitation]
    private let code: [Limitation]
    private let integrity: [Limitation]
    /// Looked up per artifact, so kept as sets: searching the limitations each time was quadratic.
    private let restrictedDigests: Set<Digest>
    private let retainedDigests: Set<Digest>

    static let availabilityKinds: [LimitationKind] = [.withdrawn, .deprecated, .apiOnly, .gated, .privateData]

    init(_ facts: ChecklistFacts) {
        self.facts = facts
        restricted = facts.limitations.filter { Self.availabilityKinds.contains($0.kind) }
        code = facts.limitations(.uncommittedCode)
        integrity = facts.limitations.filter { $0.kind == .hashNotRecorded || $0.kind == .hashMismatch }
        restrictedDigests = Set(restricted.compactMap(\.artifact?.digest))
        retainedDigests = Set(facts.limitations(.retainedCopy).compactMap(\.artifact?.digest))
    }

    var isEmpty: Bool { restricted.isEmpty && code.isEmpty && integrity.isEmpty }

    func blocked(_ artifact: DisclosedArtifact) -> Bool {
        restrictedDigests.contains(artifact.digest)
    }

    var sentences: [Sentence] {
        var out: [Sentence] = []
        if !restricted.isEmpty {
            out.append([.words("Access is limited for ")] + listed(restricted.map(describe)) + [.words(".")])
        }
        // Two facts, two sentences: a digest never taken from the bytes is unchecked; one
        // that no longer matches is contradicted by the authors' own copy.
        let notRecorded = integrity.filter { $0.kind == .hashNotRecorded }.compactMap { $0.artifact.map { [Inline.text($0.name)] } }
        if !notRecorded.isEmpty {
            out.append([.words(notRecorded.count == 1 ? "The digest of " : "The digests of ")] + listed(notRecorded)
                + [.words(notRecorded.count == 1 ? " was not taken from the content." : " were not taken from the content.")])
        }
        let mismatched = integrity.filter { $0.kind == .hashMismatch }.compactMap { $0.artifact.map { [Inline.text($0.name)] } }
        if !mismatched.isEmpty {
            out.append([.words("The authors' copy of ")] + listed(mismatched)
                + [.words(" no longer matches the recorded digest.")])
        }
        for limitation in code {
            guard let evidence = limitation.evidence.code else { continue }
            let what = switch evidence.problem {
            case .uncommittedChanges: " ran with uncommitted changes"
            case .noCommit: " ran in a repository without any commit"
            case .noRepository: " ran outside a git repository"
            }
            out.append([.words("Experiment "), .emphasis(limitation.experiment ?? ""), .words(what + ".")])
        }
        if isEmpty {
            out.append([.words("The ledger records no access restriction on the artifacts behind the results, and every "
                + "experiment ran on committed code.")])
        }
        return out
    }

    private func describe(_ limitation: Limitation) -> Sentence {
        guard let artifact = limitation.artifact else { return [] }
        let date = limitation.evidence.event.map { " on " + ProseFormatting.date($0.date) } ?? ""
        let state = switch limitation.kind {
        case .withdrawn: AvailabilityStatus.withdrawn.phrase + date
        case .deprecated: AvailabilityStatus.deprecated.phrase + date
        case .apiOnly: AvailabilityStatus.apiOnly.phrase
        case .gated: AvailabilityStatus.gated.phrase
        default: AvailabilityStatus.private.phrase
        }
        let retained = retainedDigests.contains(artifact.digest) ? "; the authors retain a copy" : ""
        return [.text(artifact.name), .words(" (" + state + retained + ")")]
    }
}
