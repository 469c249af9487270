/// A dated statement about whether an artifact can be had. Never edited: a
/// correction or a change of status is a new event, and the view folds them by date.
public struct AvailabilityEvent: Codable, Hashable, Sendable {
    public static let currentSchema = "repro.availability/1"

    public var schema = AvailabilityEvent.currentSchema
    public var digest: Digest
    public var status: AvailabilityStatus
    /// `YYYY-MM-DD`: the day the status was observed or took effect.
    public var asOf: String
    public var evidence: String?
    public var note: String?
    public var recordedAt: String
    public var recordedBy: Agent
    /// What the Hub or a URL answered, when `repro upstream --record` observed the status;
    /// absent for statuses stated by hand (and in records older than the field).
    public var observation: UpstreamObservation?

    public init(digest: Digest, status: AvailabilityStatus, asOf: String, evidence: String?, note: String?,
                recordedAt: String, recordedBy: Agent) {
        self.digest = digest
        self.status = status
        self.asOf = asOf
        self.evidence = evidence
        self.note = note
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }
}
