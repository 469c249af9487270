import Foundation

/// A use policy the license incorporates, which binds every downstream user.
public struct AcceptableUsePolicy: Codable, Hashable, Sendable {
    /// Nil when the research could not confirm whether one applies.
    public var attached: Bool?
    public var url: URL?
    public var summary: String

    public init(attached: Bool?, url: URL? = nil, summary: String) {
        self.attached = attached
        self.url = url
        self.summary = summary
    }
}
