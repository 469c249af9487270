import LedgerCore

/// An artifact as a statement names it: the name a reader sees and the digest that pins it.
public struct ArtifactRef: Codable, Hashable, Sendable {
    public var name: String
    public var digest: Digest

    public init(name: String, digest: Digest) {
        self.name = name
        self.digest = digest
    }
}
