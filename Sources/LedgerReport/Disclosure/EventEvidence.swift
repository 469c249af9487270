import LedgerCore

/// A dated availability event, as recorded.
///
/// Its fields in one shared box, like `Evidence`: an artifact's description carries two
/// of these, mostly nil, and a whole-ledger statement describes 20,000 artifacts. Encoded
/// exactly as its fields would be.
public struct EventEvidence: Codable, Hashable, Sendable {
    private struct Fields: Codable, Hashable, Sendable {
        var status: AvailabilityStatus
        var date: String
        var url: String?
        var note: String?
        var observation: UpstreamObservation?
    }

    private var shared: SharedFields<Fields>

    public var status: AvailabilityStatus {
        get { shared.fields.status }
        set { shared.fields.status = newValue }
    }
    /// `YYYY-MM-DD`.
    public var date: String {
        get { shared.fields.date }
        set { shared.fields.date = newValue }
    }
    public var url: String? {
        get { shared.fields.url }
        set { shared.fields.url = newValue }
    }
    public var note: String? {
        get { shared.fields.note }
        set { shared.fields.note = newValue }
    }
    /// What the Hub or URL answered when `repro upstream --record` observed the status.
    public var observation: UpstreamObservation? {
        get { shared.fields.observation }
        set { shared.fields.observation = newValue }
    }

    public init(_ event: AvailabilityEvent) {
        shared = SharedFields(Fields(status: event.status, date: event.asOf, url: event.evidence, note: event.note,
                                     observation: event.observation))
    }

    public init(from decoder: any Decoder) throws { shared = try SharedFields(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try shared.encode(to: encoder) }
}
