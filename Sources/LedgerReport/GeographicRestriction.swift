/// Whether the license withholds rights in some regions (e.g. Llama 3.2's EU clause for
/// multimodal models).
public enum GeographicRestriction: Hashable, Sendable {
    case unrestricted
    case restricted(String)
    /// The research could not confirm it from the license text.
    case unconfirmed
}

extension GeographicRestriction: Codable {
    private enum CodingKeys: String, CodingKey {
        case status, summary
    }

    private enum Status: String, Codable {
        case unrestricted, restricted, unconfirmed
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(Status.self, forKey: .status) {
        case .unrestricted: self = .unrestricted
        case .unconfirmed: self = .unconfirmed
        case .restricted: self = .restricted(try container.decodeIfPresent(String.self, forKey: .summary) ?? "")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .unrestricted: try container.encode(Status.unrestricted, forKey: .status)
        case .unconfirmed: try container.encode(Status.unconfirmed, forKey: .status)
        case .restricted(let summary):
            try container.encode(Status.restricted, forKey: .status)
            try container.encode(summary, forKey: .summary)
        }
    }
}
