import LedgerCore

/// One license and the fact about it that a limitation states.
///
/// Its fields in one shared box, like `Evidence`: every naming lint cites one (17,800 on
/// the bench ledger), and so does each license limitation. Encoded exactly as its fields
/// would be.
public struct LicenseEvidence: Codable, Hashable, Sendable {
    private struct Fields: Codable, Hashable, Sendable {
        var id: String
        var name: String
        var spdxID: String
        var url: String?
        var definedIn: String?
        var fact: String
        var userCap: Int?
        var requiredPrefix: String?
        var noticeText: String?
    }

    private var shared: SharedFields<Fields>

    public var id: String {
        get { shared.fields.id }
        set { shared.fields.id = newValue }
    }
    public var name: String {
        get { shared.fields.name }
        set { shared.fields.name = newValue }
    }
    public var spdxID: String {
        get { shared.fields.spdxID }
        set { shared.fields.spdxID = newValue }
    }
    public var url: String? {
        get { shared.fields.url }
        set { shared.fields.url = newValue }
    }
    /// The ledger that defines this license, or nil for the built-in catalog.
    public var definedIn: String? {
        get { shared.fields.definedIn }
        set { shared.fields.definedIn = newValue }
    }
    /// The catalog's words for the term (a summary of the license text).
    public var fact: String {
        get { shared.fields.fact }
        set { shared.fields.fact = newValue }
    }
    /// The monthly-active-user threshold of a usage cap.
    public var userCap: Int? {
        get { shared.fields.userCap }
        set { shared.fields.userCap = newValue }
    }
    /// The text a derivative model's name must begin with.
    public var requiredPrefix: String? {
        get { shared.fields.requiredPrefix }
        set { shared.fields.requiredPrefix = newValue }
    }
    /// The notice the license prescribes, verbatim as researched.
    public var noticeText: String? {
        get { shared.fields.noticeText }
        set { shared.fields.noticeText = newValue }
    }

    public init(license: License, definedIn: String?, fact: String, userCap: Int? = nil,
                requiredPrefix: String? = nil, noticeText: String? = nil) {
        shared = SharedFields(Fields(id: license.id, name: license.name, spdxID: license.spdxID,
                                     url: license.licenseURL?.absoluteString, definedIn: definedIn, fact: fact,
                                     userCap: userCap, requiredPrefix: requiredPrefix, noticeText: noticeText))
    }

    public init(from decoder: any Decoder) throws { shared = try SharedFields(from: decoder) }

    public func encode(to encoder: any Encoder) throws { try shared.encode(to: encoder) }
}
