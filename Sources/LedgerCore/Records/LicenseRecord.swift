/// A license the researchers define for their ledger (a custom data-use agreement,
/// a model license missing from the catalog). The report layer reads `definition`.
public struct LicenseRecord: Codable, Hashable, Sendable {
    public static let currentSchema = "repro.license/1"

    public var schema = LicenseRecord.currentSchema
    public var id: String
    public var definition: JSONValue
    public var recordedAt: String
    public var recordedBy: Agent

    public init(id: String, definition: JSONValue, recordedAt: String, recordedBy: Agent) {
        self.id = id
        self.definition = definition
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }
}
