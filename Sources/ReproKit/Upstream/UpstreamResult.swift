import LedgerCore

/// What `repro upstream` found for one artifact.
public struct UpstreamResult: Codable, Sendable {
    public enum State: String, Codable, CaseIterable, Sendable {
        /// The answer says nothing new.
        case unchanged
        /// Something differs from what the ledger holds.
        case drift
        /// Nothing could be concluded (401 without more, a token refused).
        case unknown
        /// The Hub or URL gave no usable answer; nothing concluded, nothing recorded.
        case unreachable
    }

    public var digest: Digest
    public var name: String
    /// `huggingface:REPO@REVISION` or the URL.
    public var source: String
    public var state: State
    /// Availability now in the ledger's words; nil when not concluded.
    public var status: AvailabilityStatus?
    /// The status the ledger holds now (its latest event, or open when none).
    public var recordedStatus: AvailabilityStatus
    /// One line each, e.g. `revision 0e9e… is no longer published (RevisionNotFound)`.
    public var findings: [String]
    public var observation: UpstreamObservation?
    /// The event written by `--record`.
    public var recorded: String?
}

/// Every artifact asked about, in ledger order.
public struct UpstreamReport: Codable, Sendable {
    public var artifacts: [UpstreamResult]

    /// A check failed when anything drifted; else the environment when anything could not be
    /// concluded (unreachable, or an answer that says nothing: a 401 without a token, an
    /// unexpected status). Success means every artifact asked about was checked: a CI gate
    /// must not pass on answers that verified nothing.
    public var exitStatus: ExitStatus {
        if artifacts.contains(where: { $0.state == .drift }) { return .checkFailed }
        if artifacts.contains(where: { $0.state == .unreachable || $0.state == .unknown }) { return .environment }
        return .ok
    }
}
