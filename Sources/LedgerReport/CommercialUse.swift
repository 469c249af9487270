/// Whether a license lets the artifact be used commercially.
///
/// A restriction that the facts tie to monthly active users carries the cap, so a disclosure
/// can state the usage cap exactly instead of paraphrasing the clause.
public enum CommercialUse: Hashable, Sendable {
    case allowed
    /// Allowed up to a limit or with conditions; `userCap` is the monthly-active-user threshold
    /// above which a separate license is needed, when the license states one.
    case restricted(summary: String, userCap: Int?)
    case forbidden
    /// The research could not confirm the terms from the license text.
    case unclear

    /// The monthly-active-user threshold of a restricted license, if it states one.
    public var userCap: Int? {
        if case .restricted(_, let cap) = self { cap } else { nil }
    }
}

extension CommercialUse: Codable {
    private enum CodingKeys: String, CodingKey {
        case status, summary, userCap
    }

    private enum Status: String, Codable {
        case allowed, restricted, forbidden, unclear
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Status.self, forKey: .status) {
        case .allowed: self = .allowed
        case .forbidden: self = .forbidden
        case .unclear: self = .unclear
        case .restricted:
            self = .restricted(
                summary: try container.decodeIfPresent(String.self, forKey: .summary) ?? "",
                userCap: try container.decodeIfPresent(Int.self, forKey: .userCap))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .allowed: try container.encode(Status.allowed, forKey: .status)
        case .forbidden: try container.encode(Status.forbidden, forKey: .status)
        case .unclear: try container.encode(Status.unclear, forKey: .status)
        case .restricted(let summary, let userCap):
            try container.encode(Status.restricted, forKey: .status)
            try container.encode(summary, forKey: .summary)
            try container.encodeIfPresent(userCap, forKey: .userCap)
        }
    }
}
