import LedgerCore
import LedgerIndex

/// Turns what a researcher types (a name, `file:`/`folder:` and a digest, a full digest,
/// a unique digest prefix) into the identity of one artifact.
struct ArtifactResolver {
    let index: RecordIndex
    /// Hears that a name has older versions than the one it resolves to.
    var warn: ((String) -> Void)? = nil

    /// Shortest digest prefix accepted, so a short word is never taken for a digest.
    static let minimumPrefix = 4

    func resolve(_ reference: String, ledger: String? = nil) throws -> ArtifactIdentity {
        if let identity = ArtifactIdentity(parsing: reference) {
            guard try !index.artifactRecords(identity).isEmpty else {
                throw LedgerError.unknownArtifact(reference, suggestions: [])
            }
            return identity
        }
        if let digest = Digest(parsing: reference) {
            let identities = try index.identities(of: digest)
            guard !identities.isEmpty else { throw LedgerError.unknownArtifact(reference, suggestions: []) }
            if identities.count > 1 { throw IdentityError.ambiguousDigest(reference, candidates: try describe(identities)) }
            return identities[0]
        }
        let versions = try index.versions(named: reference, ledger: ledger)
        if let latest = versions.last {
            if versions.count > 1, let warn {
                warn("\(reference.debugDescription) has \(versions.count) versions; using the latest, \(latest.identity) "
                     + "(recorded \(latest.lastRecordedAt)); `repro show \(reference)` lists them")
            }
            return latest.identity
        }
        let hex = reference.hasPrefix(Digest.prefix) ? String(reference.dropFirst(Digest.prefix.count)) : reference
        if hex.count >= Self.minimumPrefix, hex.count < 64, hex.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) {
            let matches = try index.digests(withPrefix: hex).flatMap { try index.identities(of: $0) }
            if matches.count == 1 { return matches[0] }
            if matches.count > 1 { throw LedgerError.ambiguousPrefix(hex, candidates: try describe(matches)) }
        }
        throw LedgerError.unknownArtifact(reference, suggestions: NameSuggestions.closest(to: reference, among: try index.artifactNames()))
    }

    /// `sha256:…  names` per candidate, with the layout when a digest is shared.
    private func describe(_ identities: [ArtifactIdentity]) throws -> [String] {
        let shared = Dictionary(grouping: identities, by: \.digest).filter { $0.value.count > 1 }
        return try identities.map { identity in
            let names = Set(try index.artifactRecords(identity).map(\.value.name)).sorted()
            let label = shared[identity.digest] == nil ? identity.digest.description : identity.description
            return "\(label)  \(names.joined(separator: ", "))"
        }
    }
}
