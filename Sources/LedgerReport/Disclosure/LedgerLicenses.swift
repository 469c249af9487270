import Foundation
import LedgerCore

extension License {
    /// Reads a license a ledger defines. The definition uses `License`'s JSON form and may
    /// omit its `id`: the record's id is the license's id.
    public init(record: LicenseRecord) throws(DisclosureError) {
        var definition = record.definition
        if case .object(var members) = definition, members["id"] == nil {
            members["id"] = .string(record.id)
            definition = .object(members)
        }
        do {
            let data = try JSONEncoder().encode(definition)
            self = try JSONDecoder().decode(License.self, from: data)
        } catch {
            throw .invalidLicenseDefinition(id: record.id, reason: Self.explain(error))
        }
        guard id.lowercased() == record.id.lowercased() else {
            throw .invalidLicenseDefinition(
                id: record.id, reason: "its definition names a different id, \(id.debugDescription)")
        }
    }

    private static func explain(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return String(describing: error) }
        switch error {
        case .keyNotFound(let key, _):
            return "missing field \(key.stringValue.debugDescription)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return (path.isEmpty ? "" : "\(path): ") + context.debugDescription
        @unknown default:
            return String(describing: error)
        }
    }
}

extension LicenseCatalog {
    /// The catalog plus the licenses the snapshot's ledgers define (a later definition of the
    /// same id wins, and a ledger definition replaces a built-in one), and for each ledger
    /// license id (lower-cased) the ledger that defines it.
    public func including(ledgerLicensesOf snapshot: LedgerSnapshot) throws(DisclosureError)
        -> (catalog: LicenseCatalog, definedIn: [String: String]) {
        var licenses: [License] = []
        var definedIn: [String: String] = [:]
        for entry in snapshot.licenses {
            let license = try License(record: entry.value)
            licenses.append(license)
            definedIn[license.id.lowercased()] = entry.ledger
        }
        return (adding(licenses), definedIn)
    }
}
