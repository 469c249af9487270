/// What a license is written for; many cover several kinds of artifact.
public enum LicenseCategory: String, Codable, Hashable, Sendable, CaseIterable {
    case model
    case dataset
    case code
}
