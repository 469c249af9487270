/// Whether the artifact's outputs (generated text, images, synthetic data) may be used to
/// train or improve other models: the clause that decides whether distillation is allowed.
public struct OutputTraining: Codable, Hashable, Sendable {
    public enum Permission: String, Codable, Hashable, Sendable {
        case allowed
        /// Allowed, but the trained model inherits duties (naming, display, use restrictions).
        case conditional
        case forbidden
        /// The license does not speak to model outputs or training (e.g. Creative Commons).
        case notAddressed
        case unconfirmed
    }

    public var permission: Permission
    public var summary: String

    public init(permission: Permission, summary: String) {
        self.permission = permission
        self.summary = summary
    }
}
