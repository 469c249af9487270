import LedgerCore

/// Everything a statement says about one artifact, for its appendix table and JSON.
///
/// Read-only, its fields in one shared box: a description is some 380 bytes of mostly empty
/// optionals, and the checklist keeps filtered copies of a whole ledger's 20,000
/// descriptions. Encoded exactly as its fields would be.
public struct DisclosedArtifact: Codable, Hashable, Sendable {
    public enum Role: String, Codable, Hashable, Sendable {
        /// Read by an experiment in scope.
        case used
        /// Written by an experiment in scope and not read by one.
        case produced
        /// Reached only through lineage (the base of a fine-tune).
        case lineage
    }

    private struct Fields: Codable, Hashable, Sendable {
        var digest: Digest
        var name: String
        var kind: ArtifactKind?
        var layout: ArtifactLayout?
        var role: Role
        var license: String?
        var licenseNames: [String]
        var sources: [ArtifactSource]
        var derivedFrom: [ArtifactRef]
        var availability: EventEvidence?
        var retainedCopy: EventEvidence?
        var verified: Bool?
    }

    private let shared: SharedFields<Fields>

    init(digest: Digest, name: String, kind: ArtifactKind?, layout: ArtifactLayout?, role: Role, license: String?,
         licenseNames: [String], sources: [ArtifactSource], derivedFrom: [ArtifactRef],
         availability: EventEvidence?, retainedCopy: EventEvidence?, verified: Bool?) {
        shared = SharedFields(Fields(digest: digest, name: name, kind: kind, layout: layout, role: role, license: license,
                         licenseNames: licenseNames, sources: sources, derivedFrom: derivedFrom,
                         availability: availability, retainedCopy: retainedCopy, verified: verified))
    }

    public var digest: Digest { shared.fields.digest }
    public var name: String { shared.fields.name }
    /// Nil when an experiment names a digest no artifact record describes.
    public var kind: ArtifactKind? { shared.fields.kind }
    public var layout: ArtifactLayout? { shared.fields.layout }
    public var role: Role { shared.fields.role }
    public var license: String? { shared.fields.license }
    /// Names of the licenses the recorded expression resolves to, in order.
    public var licenseNames: [String] { shared.fields.licenseNames }
    public var sources: [ArtifactSource] { shared.fields.sources }
    public var derivedFrom: [ArtifactRef] { shared.fields.derivedFrom }
    /// The availability event in force as of the statement's date.
    public var availability: EventEvidence? { shared.fields.availability }
    public var retainedCopy: EventEvidence? { shared.fields.retainedCopy }
    public var verified: Bool? { shared.fields.verified }

    public var ref: ArtifactRef { ArtifactRef(name: name, digest: digest) }

    public init(from decoder: any Decoder) throws { shared = try SharedFields(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try shared.encode(to: encoder) }
}
