/// One observation of an artifact: its digest, what it is, where it came from, its license.
///
/// Several records may share a digest (tracked twice, under two names, in two
/// ledgers); the artifact is the digest, the records are what was said about it.
public struct ArtifactRecord: Codable, Hashable, Sendable {
    public static let currentSchema = "repro.artifact/1"

    public var schema = ArtifactRecord.currentSchema
    public var digest: Digest
    public var name: String
    public var kind: ArtifactKind
    public var layout: ArtifactLayout
    public var size: Int64
    public var fileCount: Int
    public var sources: [ArtifactSource]
    /// SPDX expression or Hugging Face license tag, as given (validated).
    public var license: String?
    /// Lineage: the artifacts this one was made from (fine-tune of a base model, a filtered dataset).
    public var derivedFrom: [Digest]
    public var recordedAt: String
    public var recordedBy: Agent
    public var note: String?
    /// Hub ids the model card names as `base_model` that no tracked artifact stood for
    /// when this was recorded; absent when none (and in records older than the field).
    public var externalParents: [String]?
    /// License and lineage as the Hugging Face card said when tracked; absent without a card.
    public var card: ModelCard?
    /// What each http(s) source answered at track time, when it could be reached.
    public var sourceResponses: [SourceResponse]?
    /// The version of this name that these bytes follow (`--new-version`, or a run's changed
    /// input or output): orders versions recorded within one second or under a pinned clock.
    public var replaces: ArtifactIdentity?

    public init(digest: Digest, name: String, kind: ArtifactKind, layout: ArtifactLayout, size: Int64, fileCount: Int,
                sources: [ArtifactSource], license: String?, derivedFrom: [Digest], recordedAt: String,
                recordedBy: Agent, note: String? = nil) {
        self.digest = digest
        self.name = name
        self.kind = kind
        self.layout = layout
        self.size = size
        self.fileCount = fileCount
        self.sources = sources
        self.license = license
        self.derivedFrom = derivedFrom
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
        self.note = note
    }
}
