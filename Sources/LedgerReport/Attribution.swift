/// What a redistributor or user must credit.
public struct Attribution: Codable, Hashable, Sendable {
    /// Nil when the research could not confirm it from the license text.
    public var required: Bool?
    public var summary: String
    /// The prescribed notice as researched, verbatim; some licenses only describe it.
    public var noticeText: String?

    public init(required: Bool?, summary: String, noticeText: String? = nil) {
        self.required = required
        self.summary = summary
        self.noticeText = noticeText
    }
}
