import LedgerCore

extension LimitationKind {
    /// The limitation class in a few words, for summaries such as checklist answers.
    var phrase: String {
        switch self {
        case .withdrawn: "withdrawn artifacts"
        case .deprecated: "deprecated artifacts"
        case .apiOnly: AvailabilityStatus.apiOnly.phrase
        case .gated: AvailabilityStatus.gated.phrase
        case .privateData: "private data"
        case .retainedCopy: "retained copies"
        case .redistributionForbidden: "no redistribution"
        case .nonCommercial: "non-commercial licenses"
        case .usageCap: "usage caps"
        case .notOSIApproved: "licenses that are not OSI-approved"
        case .attributionDuty: "attribution duties"
        case .namingDuty: "naming duties"
        case .licenseUnknown: "unknown licenses"
        case .hashNotRecorded: "digests taken from git-LFS pointers"
        case .hashMismatch: "copies that no longer match their digest"
        case .uncommittedCode: "code not committed at run time"
        }
    }
}
