import LedgerCore

/// Why a statement could not be produced: the scope names something the ledger does not
/// hold, or a ledger-defined license cannot be read.
public enum DisclosureError: Error, Hashable, Sendable, CustomStringConvertible, CategorizedError {
    case unknownLedger(String, known: [String])
    case unknownExperiment(String, suggestions: [String])
    case unknownSection(String, suggestions: [String])
    /// A `LicenseRecord` whose definition does not decode as a license.
    case invalidLicenseDefinition(id: String, reason: String)

    public var category: ErrorCategory { .badInput }

    public var description: String {
        switch self {
        case .unknownLedger(let name, let known):
            "no ledger named \(name.debugDescription)"
                + (known.isEmpty ? "" : "; known ledgers: \(known.joined(separator: ", "))")
        case .unknownExperiment(let name, let suggestions):
            "no experiment named \(name.debugDescription) in the chosen ledgers" + Self.didYouMean(suggestions)
        case .unknownSection(let label, let suggestions):
            "no experiment is recorded with section \(label.debugDescription)" + Self.didYouMean(suggestions)
        case .invalidLicenseDefinition(let id, let reason):
            "the ledger's license \(id.debugDescription) cannot be read: \(reason)"
        }
    }

    private static func didYouMean(_ suggestions: [String]) -> String {
        suggestions.isEmpty ? "" : "; did you mean \(suggestions.map(\.debugDescription).joined(separator: " or "))?"
    }
}
