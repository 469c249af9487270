import LedgerCore

/// An artifact as a statement names it: the name a reader sees and the digest that pins it.
///
/// A pointer to one shared, immutable pair: a whole-ledger statement copies the same few
/// thousand references into hundreds of thousands of limitations, lineages and classes, and
/// a copy of the name and digest was 48 bytes each. Compared and encoded by value.
public struct ArtifactRef: Codable, Hashable, Sendable {
    private final class Pair: Sendable {
        let name: String
        let digest: Digest
        init(name: String, digest: Digest) {
            self.name = name
            self.digest = digest
        }
    }

    private let pair: Pair

    public var name: String { pair.name }
    public var digest: Digest { pair.digest }

    public init(name: String, digest: Digest) {
        pair = Pair(name: name, digest: digest)
    }

    public static func == (lhs: ArtifactRef, rhs: ArtifactRef) -> Bool {
        lhs.pair === rhs.pair || (lhs.digest == rhs.digest && lhs.name == rhs.name)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(digest)
    }

    private enum CodingKeys: String, CodingKey {
        case name, digest
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try container.decode(String.self, forKey: .name), digest: try container.decode(Digest.self, forKey: .digest))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(digest, forKey: .digest)
    }
}
