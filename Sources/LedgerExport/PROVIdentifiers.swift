import LedgerCore

/// Qualified names of the PROV records, all under the `repro:` prefix.
enum PROVIdentifiers {
    /// `urn:` because ReproLedger has no web namespace to dereference; the names are identifiers only.
    static let namespace = "urn:repro:"

    /// `repro:sha256-<hex>`: the digest, so the same bytes are the same entity in every export.
    static func entity(_ digest: Digest) -> String { "repro:sha256-\(digest.hex)" }

    /// `repro:experiment-<hex>` from the record id: experiment names may repeat, ids do not.
    static func activity(_ id: Digest) -> String { "repro:experiment-\(id.hex)" }

    /// `repro:agent-<user>%40<host>`, percent-encoded so any account name is a valid local name.
    static func agent(_ agent: Agent) -> String {
        "repro:agent-\(percentEncoded(agent.user))%40\(percentEncoded(agent.host))"
    }

    private static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            if scalar.isASCII, scalar.properties.isAlphabetic || scalar.properties.numericType != nil || "._-".unicodeScalars.contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else {
                let digits = Array("0123456789ABCDEF")
                out += "%" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0f)])
            }
        }
        return out
    }
}
