import LedgerCore

/// Why the license catalog could not be built from researched facts.
public enum LicenseCatalogError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The JSON resource is not in the LedgerReport bundle.
    case resourceMissing(name: String)
    case unreadable(name: String, reason: String)
    /// The JSON does not have the researched-facts shape.
    case malformed(reason: String)
    /// A field holds a value the normalizer does not know how to read.
    case unrecognizedValue(license: String, field: String, value: String, expected: String)
    case duplicateID(String)

    public var description: String {
        switch self {
        case .resourceMissing(let name):
            "\(name) is missing from the LedgerReport bundle; rebuild the package so SwiftPM copies the resource"
        case .unreadable(let name, let reason):
            "\(name) cannot be read (\(reason))"
        case .malformed(let reason):
            "license facts are not in the expected shape: \(reason)"
        case .unrecognizedValue(let license, let field, let value, let expected):
            "license \(license): \(field) is \"\(value)\"; expected \(expected). "
                + "Update the normalizer in ResearchedLicense+Normalized.swift if the research added a new value"
        case .duplicateID(let id):
            "license id \(id) appears twice in the researched facts"
        }
    }
}

/// The built-in catalog ships with the package: when it cannot be read, the installation is broken.
extension LicenseCatalogError: CategorizedError {
    public var category: ErrorCategory { .environment }
}
