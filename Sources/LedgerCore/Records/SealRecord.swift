/// A Merkle root over every record of a ledger at one moment: the single hash a
/// paper cites to pin every artifact and experiment behind it.
public struct SealRecord: Codable, Hashable, Sendable {
    public static let currentSchema = "repro.seal/1"

    /// The highest sequence number a seal may carry: far more seals than any ledger makes.
    public static let maximumSequence = 1_000_000

    public var schema = SealRecord.currentSchema
    public var ledger: String
    public var root: Digest
    public var recordCount: Int
    public var sequence: Int
    public var sealedAt: String
    public var recordedBy: Agent

    public init(ledger: String, root: Digest, recordCount: Int, sequence: Int, sealedAt: String, recordedBy: Agent) {
        self.ledger = ledger
        self.root = root
        self.recordCount = recordCount
        self.sequence = sequence
        self.sealedAt = sealedAt
        self.recordedBy = recordedBy
    }
}
