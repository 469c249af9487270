import Foundation
import LedgerCore

/// Citation keys from artifact names: lower-case ASCII letters and digits joined by `-`,
/// safe in BibTeX, biber, `\cite` and hyperref anchors.
enum BibTeXKeys {
    /// One key per artifact, in order. The first artifact with a given key keeps it bare;
    /// later ones add the shortest digest prefix (8 hex digits or more) that is free, so
    /// adding an artifact never changes the keys of those exported before.
    static func assign(_ artifacts: some Sequence<ExportedArtifact>) -> [Digest: String] {
        var keys: [Digest: String] = [:]
        var taken = Set<String>()
        for artifact in artifacts where keys[artifact.digest] == nil {
            let base = key(for: artifact.name)
            var candidate = base
            var length = 8
            while taken.contains(candidate) {
                candidate = base + "-" + String(artifact.digest.hex.prefix(length))
                length += 4
            }
            taken.insert(candidate)
            keys[artifact.digest] = candidate
        }
        return keys
    }

    /// `Llama-3.1-8B` → `llama-3-1-8b`; accents dropped (`Café` → `cafe`); `artifact` when
    /// nothing is left.
    static func key(for name: String) -> String {
        var key = ""
        var pendingSeparator = false
        for scalar in name.decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if pendingSeparator, !key.isEmpty { key += "-" }
                pendingSeparator = false
                key += String(scalar).lowercased()
            } else if scalar.properties.generalCategory != .nonspacingMark {
                pendingSeparator = true
            }
        }
        return key.isEmpty ? "artifact" : key
    }
}
