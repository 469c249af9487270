import LedgerCore
import LedgerIndex

/// Turns what a researcher types (a name, a full digest, a unique digest prefix) into a digest.
struct ArtifactResolver {
    let index: RecordIndex

    /// Shortest digest prefix accepted, so a short word is never taken for a digest.
    static let minimumPrefix = 4

    func resolve(_ reference: String, ledger: String? = nil) throws -> Digest {
        if let digest = Digest(parsing: reference) {
            guard try !index.artifactRecords(digest).isEmpty else {
                throw LedgerError.unknownArtifact(reference, suggestions: [])
            }
            return digest
        }
        if let newest = try index.digests(named: reference, ledger: ledger).first { return newest }
        let hex = reference.hasPrefix(Digest.prefix) ? String(reference.dropFirst(Digest.prefix.count)) : reference
        if hex.count >= Self.minimumPrefix, hex.count < 64, hex.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) {
            let matches = try index.digests(withPrefix: hex)
            if matches.count == 1 { return matches[0] }
            if matches.count > 1 {
                let described = try matches.map { digest -> String in
                    let names = Set(try index.artifactRecords(digest).map(\.value.name)).sorted()
                    return "\(digest)  \(names.joined(separator: ", "))"
                }
                throw LedgerError.ambiguousPrefix(hex, candidates: described)
            }
        }
        throw LedgerError.unknownArtifact(reference, suggestions: NameSuggestions.closest(to: reference, among: try index.artifactNames()))
    }
}
