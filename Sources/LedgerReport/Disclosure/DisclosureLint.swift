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

    public init(rule: Rule, artifact: ArtifactRef, base: ArtifactRef, license: LicenseEvidence) {
        self.rule = rule
        self.artifact = artifact
        self.base = base
        self.license = license
    }

    /// What to fix, worded from the fields when asked: a lab ledger's fine-tunes of Llama
    /// raise tens of thousands of these, and each sentence held ready was 400 bytes.
    public var message: String {
        switch rule {
        case .derivativeName:
            let prefix = license.requiredPrefix ?? ""
            return "\(artifact.name) (\(artifact.digest)) is derived from \(base.name) (\(base.digest)), whose license, the "
                + "\(license.name), requires a distributed derivative model's name to begin with "
                + "\"\(prefix)\"; rename it (e.g. \"\(prefix)-\(artifact.name)\") before releasing it"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case rule, artifact, base, license, message
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        rule = try container.decode(Rule.self, forKey: .rule)
        artifact = try container.decode(ArtifactRef.self, forKey: .artifact)
        base = try container.decode(ArtifactRef.self, forKey: .base)
        license = try container.decode(LicenseEvidence.self, forKey: .license)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rule, forKey: .rule)
        try container.encode(artifact, forKey: .artifact)
        try container.encode(base, forKey: .base)
        try container.encode(license, forKey: .license)
        try container.encode(message, forKey: .message)
    }
}
