/// A ledger fact that breaks a license duty and that the authors should fix before
/// submission: `repro disclaimer` prints it and exits 1, and still writes the statement.
public struct DisclosureLint: Codable, Hashable, Sendable {
    public enum Rule: String, Codable, Hashable, Sendable {
        /// A derived model's name does not begin with the prefix its base's license requires.
        case derivativeName = "derivative-name"
    }

    public var rule: Rule
    public var artifact: ArtifactRef
    /// The artifact whose license imposes the duty (the base model).
    public var base: ArtifactRef
    public var license: LicenseEvidence
    public var message: String

    public init(rule: Rule, artifact: ArtifactRef, base: ArtifactRef, license: LicenseEvidence, message: String) {
        self.rule = rule
        self.artifact = artifact
        self.base = base
        self.license = license
        self.message = message
    }
}
