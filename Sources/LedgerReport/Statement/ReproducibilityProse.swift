/// The one sentence per paragraph that gives its reproducibility class and the input that
/// decides it, and the short form the appendix and macros use.
enum ReproducibilityProse {
    static func sentence(_ value: Reproducibility) -> Sentence {
        guard let artifact = value.decidedBy, let reason = value.reason else {
            return [.words("Reproducibility class: reproducible (no input is withdrawn, private, gated, API-only "
                + "or under a license that restricts use).")]
        }
        return [.words("Reproducibility class: \(value.class.rawValue), because "), .text(artifact.name),
                .words(" " + because(reason) + ".")]
    }

    /// "license-restricted (Llama-3.1-8B: non-commercial)".
    static func short(_ value: Reproducibility) -> Sentence {
        guard let artifact = value.decidedBy, let reason = value.reason else { return [.words(value.class.rawValue)] }
        return [.words(value.class.rawValue + " ("), .text(artifact.name), .words(": " + reasonWord(reason) + ")")]
    }

    private static func because(_ reason: LimitationKind) -> String {
        switch reason {
        case .withdrawn: "was withdrawn and no public copy is recorded"
        case .privateData: "is private"
        case .redistributionForbidden: "is under a license that forbids redistribution"
        case .nonCommercial: "is under a license that forbids commercial use"
        case .usageCap: "is under a license that caps its users"
        case .gated: "is gated behind an access request"
        case .apiOnly: "is available only through an API"
        default: "is limited"
        }
    }

    private static func reasonWord(_ reason: LimitationKind) -> String {
        switch reason {
        case .withdrawn: "withdrawn"
        case .privateData: "private"
        case .redistributionForbidden: "no redistribution"
        case .nonCommercial: "non-commercial"
        case .usageCap: "usage cap"
        case .gated: "gated"
        case .apiOnly: "API only"
        default: reason.rawValue
        }
    }
}
