/// One entry of `licenses.json` exactly as researched, before normalization.
///
/// The research records some verdicts as booleans and others as words ("restricted",
/// "varies", "unconfirmed"), and several fields as prose; `License(researched:)` turns this
/// into the typed model and fails loudly on a value it does not know.
struct ResearchedLicense: Decodable {
    /// A verdict that is either a boolean or a qualifying word.
    enum Verdict: Decodable, Equatable, CustomStringConvertible {
        case yes
        case no
        case word(String)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let flag = try? container.decode(Bool.self) {
                self = flag ? .yes : .no
            } else {
                self = .word(try container.decode(String.self))
            }
        }

        var description: String {
            switch self {
            case .yes: "true"
            case .no: "false"
            case .word(let word): word
            }
        }
    }

    struct Permission: Decodable {
        let allowed: Verdict
        let summary: String
    }

    struct Requirement: Decodable {
        let required: Verdict
        let summary: String
    }

    struct Notice: Decodable {
        let required: Verdict
        let summary: String
        let noticeText: String?
    }

    struct Policy: Decodable {
        let attached: Verdict
        let url: String?
        let summary: String
    }

    struct Gating: Decodable {
        let value: Verdict
        let summary: String
    }

    let id: String
    let name: String
    let version: String
    let category: String
    let hfLicenseId: String
    let hfLicenseName: String?
    let spdxId: String?
    let spdxListed: Bool
    let osiApproved: Bool
    let commercialUse: Permission
    let attribution: Notice
    let derivativeNaming: Requirement
    let outputsTrainOtherModels: Permission
    let acceptableUsePolicy: Policy
    let redistribution: String
    let hfGated: Gating
    let geographicRestrictions: String
    let licenseUrl: String?
    let notes: String
    let unconfirmed: [String]
}
