/// Who can reproduce a result, decided by its most restrictive input (through lineage).
/// Cases are ordered most severe first.
public enum ReproducibilityClass: String, Codable, CaseIterable, Comparable, Hashable, Sendable {
    /// An input is withdrawn with no public copy, or private.
    case notReproducible = "not-reproducible"
    /// A license forbids redistribution or commercial use, or caps users.
    case licenseRestricted = "license-restricted"
    /// An input is gated or reachable only through an API.
    case accessRequired = "access-required"
    case reproducible

    /// The class a limitation puts its results in; nil when it does not bear on who can
    /// reproduce them (attribution duties, digests, code, a retained copy).
    public init?(_ kind: LimitationKind) {
        switch kind {
        case .withdrawn, .privateData: self = .notReproducible
        case .redistributionForbidden, .nonCommercial, .usageCap: self = .licenseRestricted
        case .gated, .apiOnly: self = .accessRequired
        default: return nil
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.severity < rhs.severity }

    /// The position in `allCases`, without building `allCases`: compared for every input of
    /// every run of a whole-ledger statement.
    private var severity: Int {
        switch self {
        case .notReproducible: 0
        case .licenseRestricted: 1
        case .accessRequired: 2
        case .reproducible: 3
        }
    }

    /// "license restricted", for prose.
    public var phrase: String { rawValue.replacingOccurrences(of: "-", with: " ") }
}

/// A class with what decided it: the first limitation, in statement order, of that class.
public struct Reproducibility: Codable, Hashable, Sendable {
    public var `class`: ReproducibilityClass
    /// The input (or the ancestor reached through lineage) that decides the class; nil when reproducible.
    public var decidedBy: ArtifactRef?
    /// The limitation that decides it.
    public var reason: LimitationKind?

    /// At equal severity an input's own limitation decides before one inherited through lineage.
    public init(_ limitations: [Limitation]) {
        var best: (ReproducibilityClass, Limitation)?
        for limitation in limitations {
            guard let candidate = ReproducibilityClass(limitation.kind) else { continue }
            guard let current = best else {
                best = (candidate, limitation)
                continue
            }
            if candidate < current.0 || (candidate == current.0 && !current.1.lineage.isEmpty && limitation.lineage.isEmpty) {
                best = (candidate, limitation)
            }
        }
        `class` = best?.0 ?? .reproducible
        decidedBy = best?.1.artifact
        reason = best?.1.kind
    }
}
