import LedgerCore

/// Everything a statement says about one artifact, for its appendix table and JSON.
public struct DisclosedArtifact: Codable, Hashable, Sendable {
    public enum Role: String, Codable, Hashable, Sendable {
        /// Read by an experiment in scope.
        case used
        /// Written by an experiment in scope and not read by one.
        case produced
        /// Reached only through lineage (the base of a fine-tune).
        case lineage
    }

    public var digest: Digest
    public var name: String
    /// Nil when an experiment names a digest no artifact record describes.
    public var kind: ArtifactKind?
    public var layout: ArtifactLayout?
    public var role: Role
    public var license: String?
    /// Names of the licenses the recorded expression resolves to, in order.
    public var licenseNames: [String]
    public var sources: [ArtifactSource]
    public var derivedFrom: [ArtifactRef]
    /// The availability event in force as of the statement's date.
    public var availability: EventEvidence?
    public var retainedCopy: EventEvidence?
    public var verified: Bool?

    public var ref: ArtifactRef { ArtifactRef(name: name, digest: digest) }
}
