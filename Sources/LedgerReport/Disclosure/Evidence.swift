import LedgerCore

/// What a limitation rests on, so every sentence of a statement can be traced to a record
/// or a catalog fact.
///
/// The fields live in one shared, immutable box: a limitation is copied into every paragraph
/// and list that states it, and a whole-ledger statement holds one per dirty run (100,000 on
/// the bench ledger), so the evidence is a pointer rather than half a kilobyte of optionals.
/// Encoded exactly as its fields would be.
public struct Evidence: Codable, Hashable, Sendable {
    private struct Fields: Codable, Hashable, Sendable {
        var event: EventEvidence?
        var license: LicenseEvidence?
        var recordedLicense: String?
        var unknownLicenseIDs: [String]
        var code: CodeEvidence?
        var integrity: IntegrityEvidence?
    }

    private var shared: SharedFields<Fields>

    private var fields: Fields {
        get { shared.fields }
        set { shared.fields = newValue }
    }

    /// The availability event in force (or the `retained` event of a retained copy).
    public var event: EventEvidence? {
        get { fields.event }
        set { fields.event = newValue }
    }
    /// The license term, for limitations that come from a license.
    public var license: LicenseEvidence? {
        get { fields.license }
        set { fields.license = newValue }
    }
    /// The license expression as recorded on the artifact; nil when none was recorded.
    public var recordedLicense: String? {
        get { fields.recordedLicense }
        set { fields.recordedLicense = newValue }
    }
    /// Identifiers of the recorded expression that no catalog or ledger license defines.
    public var unknownLicenseIDs: [String] {
        get { fields.unknownLicenseIDs }
        set { fields.unknownLicenseIDs = newValue }
    }
    public var code: CodeEvidence? {
        get { fields.code }
        set { fields.code = newValue }
    }
    /// How the digest was obtained and, when `--verify` ran, whether the copy at hand matches.
    public var integrity: IntegrityEvidence? {
        get { fields.integrity }
        set { fields.integrity = newValue }
    }

    public init(event: EventEvidence? = nil, license: LicenseEvidence? = nil, recordedLicense: String? = nil,
                unknownLicenseIDs: [String] = [], code: CodeEvidence? = nil, integrity: IntegrityEvidence? = nil) {
        shared = SharedFields(Fields(event: event, license: license, recordedLicense: recordedLicense,
                         unknownLicenseIDs: unknownLicenseIDs, code: code, integrity: integrity))
    }

    public init(from decoder: any Decoder) throws { shared = try SharedFields(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try shared.encode(to: encoder) }
}

/// Why the code that ran cannot be recovered from a commit.
public struct CodeEvidence: Codable, Hashable, Sendable {
    public enum Problem: String, Codable, Hashable, Sendable {
        /// The work tree differed from HEAD.
        case uncommittedChanges = "uncommitted-changes"
        /// The repository had no commit yet.
        case noCommit = "no-commit"
        /// The experiment ran outside any git repository.
        case noRepository = "no-repository"
    }

    public var problem: Problem
    public var commit: String?
    public var branch: String?
    public var diffDigest: Digest?

    public init(problem: Problem, code: CodeState) {
        self.problem = problem
        commit = code.commit
        branch = code.branch
        diffDigest = code.diffDigest
    }
}

public struct IntegrityEvidence: Codable, Hashable, Sendable {
    public var layout: ArtifactLayout?
    /// Nil when not checked.
    public var verified: Bool?

    public init(layout: ArtifactLayout?, verified: Bool?) {
        self.layout = layout
        self.verified = verified
    }
}
