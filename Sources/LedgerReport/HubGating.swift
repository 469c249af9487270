/// How the artifact's official Hugging Face repositories control access.
///
/// Gating is a per-repository setting, not a license term, but it decides whether a reader can
/// download the weights without asking, so disclosures report what was observed.
public struct HubGating: Codable, Hashable, Sendable {
    public enum Status: String, Codable, Hashable, Sendable {
        /// The official repositories ask users to accept terms or wait for approval.
        case gated
        case notGated
        case variesByRepository
        case unconfirmed
    }

    public var status: Status
    public var summary: String

    public init(status: Status, summary: String) {
        self.status = status
        self.summary = summary
    }
}
