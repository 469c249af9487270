/// The evidence behind an availability status that `repro upstream` observed: what was
/// asked, when, and what came back, so a reader can weigh it (a 401 is not a 404).
public struct UpstreamObservation: Codable, Hashable, Sendable {
    public enum Place: String, Codable, Sendable {
        /// The Hugging Face Hub API (`HF_ENDPOINT`).
        case huggingface
        /// A source URL, asked directly.
        case url
    }

    public var place: Place
    /// The URL asked (never with credentials).
    public var url: String
    public var httpStatus: Int
    /// The Hub's `X-Error-Code` (`GatedRepo`, `RepoNotFound`, `RevisionNotFound`), or
    /// `Disabled` for its "Access to this resource is disabled." message.
    public var errorCode: String?
    /// RFC 3339 time of the answer.
    public var observedAt: String
    /// The Hub's commit (`sha`) for the revision asked, when it answered with one.
    public var commit: String?

    public init(place: Place, url: String, httpStatus: Int, errorCode: String?, observedAt: String, commit: String?) {
        self.place = place
        self.url = url
        self.httpStatus = httpStatus
        self.errorCode = errorCode
        self.observedAt = observedAt
        self.commit = commit
    }
}
