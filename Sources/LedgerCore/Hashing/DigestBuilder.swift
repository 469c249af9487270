import Crypto

/// SHA-256 of bytes fed in pieces, for inputs too large to gather in memory first
/// (the CycloneDX serial number covers every record id of a 100,000-run ledger).
public struct DigestBuilder {
    private var hasher = SHA256()

    public init() {}

    public mutating func update(_ bytes: [UInt8]) {
        hasher.update(data: bytes)
    }

    /// The digest of everything fed so far.
    public func finalize() -> Digest { Digest(hasher.finalize()) }
}
