/// Whether models built from the artifact must carry the licensor's name.
public struct DerivativeNaming: Codable, Hashable, Sendable {
    /// Nil when the research could not confirm it from the license text.
    public var required: Bool?
    public var summary: String
    /// The text a derivative model's name must begin with, where the license fixes it
    /// (`Llama 3` for Llama 3, `Llama` from Llama 3.1 on).
    public var requiredPrefix: String?

    public init(required: Bool?, summary: String, requiredPrefix: String? = nil) {
        self.required = required
        self.summary = summary
        self.requiredPrefix = requiredPrefix
    }
}
