import LedgerCore

/// What a limitation rests on, so every sentence of a statement can be traced to a record
/// or a catalog fact.
public struct Evidence: Codable, Hashable, Sendable {
    /// The availability event in force (or the `retained` event of a retained copy).
    public var event: EventEvidence?
    /// The license term, for limitations that come from a license.
    public var license: LicenseEvidence?
    /// The license expression as recorded on the artifact; nil when none was recorded.
    public var recordedLicense: String?
    /// Identifiers of the recorded expression that no catalog or ledger license defines.
    public var unknownLicenseIDs: [String]
    public var code: CodeEvidence?
    /// How the digest was obtained and, when `--verify` ran, whether the copy at hand matches.
    public var integrity: IntegrityEvidence?

    public init(event: EventEvidence? = nil, license: LicenseEvidence? = nil, recordedLicense: String? = nil,
                unknownLicenseIDs: [String] = [], code: CodeEvidence? = nil, integrity: IntegrityEvidence? = nil) {
        self.event = event
        self.license = license
        self.recordedLicense = recordedLicense
        self.unknownLicenseIDs = unknownLicenseIDs
        self.code = code
        self.integrity = integrity
    }
}

/// A dated availability event, as recorded.
public struct EventEvidence: Codable, Hashable, Sendable {
    public var status: AvailabilityStatus
    /// `YYYY-MM-DD`.
    public var date: String
    public var url: String?
    public var note: String?
    /// What the Hub or URL answered when `repro upstream --record` observed the status.
    public var observation: UpstreamObservation?

    public init(_ event: AvailabilityEvent) {
        status = event.status
        date = event.asOf
        url = event.evidence
        note = event.note
        observation = event.observation
    }
}

/// One license and the fact about it that a limitation states.
public struct LicenseEvidence: Codable, Hashable, Sendable {
    public var id: String
    public var name: String
    public var spdxID: String
    public var url: String?
    /// The ledger that defines this license, or nil for the built-in catalog.
    public var definedIn: String?
    /// The catalog's words for the term (a summary of the license text).
    public var fact: String
    /// The monthly-active-user threshold of a usage cap.
    public var userCap: Int?
    /// The text a derivative model's name must begin with.
    public var requiredPrefix: String?
    /// The notice the license prescribes, verbatim as researched.
    public var noticeText: String?

    public init(license: License, definedIn: String?, fact: String, userCap: Int? = nil,
                requiredPrefix: String? = nil, noticeText: String? = nil) {
        id = license.id
        name = license.name
        spdxID = license.spdxID
        url = license.licenseURL?.absoluteString
        self.definedIn = definedIn
        self.fact = fact
        self.userCap = userCap
        self.requiredPrefix = requiredPrefix
        self.noticeText = noticeText
    }
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
