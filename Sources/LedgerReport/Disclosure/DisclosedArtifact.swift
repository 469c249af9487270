import LedgerCore

/// Everything a statement says about one artifact, for its appendix table and JSON.
///
/// The fields live in one shared, immutable box, as `Evidence`'s do: a description is some
/// 380 bytes of mostly empty optionals, and the checklist keeps filtered copies of a whole
/// ledger's 20,000 descriptions. Encoded exactly as its fields would be.
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

    private final class Box: Sendable {
        let fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    private var fields: Fields {
        get { box.fields }
        set { box = Box(newValue) }
    }

    init(digest: Digest, name: String, kind: ArtifactKind?, layout: ArtifactLayout?, role: Role, license: String?,
         licenseNames: [String], sources: [ArtifactSource], derivedFrom: [ArtifactRef],
         availability: EventEvidence?, retainedCopy: EventEvidence?, verified: Bool?) {
        box = Box(Fields(digest: digest, name: name, kind: kind, layout: layout, role: role, license: license,
                         licenseNames: licenseNames, sources: sources, derivedFrom: derivedFrom,
                         availability: availability, retainedCopy: retainedCopy, verified: verified))
    }

    public var digest: Digest {
        get { fields.digest }
        set { fields.digest = newValue }
    }
    public var name: String {
        get { fields.name }
        set { fields.name = newValue }
    }
    /// Nil when an experiment names a digest no artifact record describes.
    public var kind: ArtifactKind? {
        get { fields.kind }
        set { fields.kind = newValue }
    }
    public var layout: ArtifactLayout? {
        get { fields.layout }
        set { fields.layout = newValue }
    }
    public var role: Role {
        get { fields.role }
        set { fields.role = newValue }
    }
    public var license: String? {
        get { fields.license }
        set { fields.license = newValue }
    }
    /// Names of the licenses the recorded expression resolves to, in order.
    public var licenseNames: [String] {
        get { fields.licenseNames }
        set { fields.licenseNames = newValue }
    }
    public var sources: [ArtifactSource] {
        get { fields.sources }
        set { fields.sources = newValue }
    }
    public var derivedFrom: [ArtifactRef] {
        get { fields.derivedFrom }
        set { fields.derivedFrom = newValue }
    }
    /// The availability event in force as of the statement's date.
    public var availability: EventEvidence? {
        get { fields.availability }
        set { fields.availability = newValue }
    }
    public var retainedCopy: EventEvidence? {
        get { fields.retainedCopy }
        set { fields.retainedCopy = newValue }
    }
    public var verified: Bool? {
        get { fields.verified }
        set { fields.verified = newValue }
    }

    public var ref: ArtifactRef { ArtifactRef(name: name, digest: digest) }

    public init(from decoder: any Decoder) throws { box = Box(try Fields(from: decoder)) }

    public func encode(to encoder: any Encoder) throws { try box.fields.encode(to: encoder) }

    public static func == (lhs: DisclosedArtifact, rhs: DisclosedArtifact) -> Bool {
        lhs.box === rhs.box || lhs.box.fields == rhs.box.fields
    }

    public func hash(into hasher: inout Hasher) { box.fields.hash(into: &hasher) }
}
