/// The classes of reproducibility limitation a statement discloses, in the order it states
/// them for one artifact: whether the bytes can be had, what the license allows, whether the
/// digest can be trusted, then the code.
public enum LimitationKind: String, Codable, CaseIterable, Hashable, Sendable {
    case withdrawn
    case deprecated
    case apiOnly = "api-only"
    case gated
    case privateData = "private-data"
    /// A mitigation, not a limitation: the authors keep a copy with the recorded digest.
    case retainedCopy = "retained-copy"
    case redistributionForbidden = "redistribution-forbidden"
    case nonCommercial = "non-commercial"
    case usageCap = "usage-cap"
    case notOSIApproved = "not-osi-approved"
    case attributionDuty = "attribution-duty"
    case namingDuty = "naming-duty"
    case licenseUnknown = "license-unknown"
    case hashNotRecorded = "hash-not-recorded"
    case hashMismatch = "hash-mismatch"
    case uncommittedCode = "uncommitted-code"

    /// Mitigations are stated but not counted as limitations.
    public var isMitigation: Bool { self == .retainedCopy }

    /// Whether results built on a derivative inherit this limitation of its base. Integrity of
    /// the base's digest does not carry over: the derivative was hashed on its own.
    public var isInherited: Bool {
        switch self {
        case .hashNotRecorded, .hashMismatch, .uncommittedCode: false
        default: true
        }
    }

    /// Limitations that come from a license term, so two artifacts under the same license
    /// state the same duty once per paragraph.
    public var isLicenseTerm: Bool {
        switch self {
        case .redistributionForbidden, .nonCommercial, .usageCap, .notOSIApproved, .attributionDuty, .namingDuty: true
        default: false
        }
    }
}
