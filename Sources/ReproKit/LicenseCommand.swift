import Foundation
import LedgerCore
import LedgerReport
import SystemPackage

/// A license as `repro license list|show` reports it: the catalog's facts, and the ledger
/// that defines it when it is not built in.
public struct LicenseEntry: Codable, Sendable {
    public var license: License
    public var definedIn: String?
}

/// What `repro license add` recorded.
public struct LicenseAddOutcome: Codable, Sendable {
    public var id: String
    public var name: String
    public var record: String
    public var created: Bool
}

public enum LicenseCommands {
    /// The built-in catalog followed by the licenses the workspace's ledgers define (a ledger
    /// definition replaces a built-in license of the same id). Outside a workspace, the
    /// built-in catalog alone.
    public static func entries(in workspace: Workspace?) throws -> [LicenseEntry] {
        guard let workspace else { return LicenseCatalog.builtIn.licenses.map { LicenseEntry(license: $0) } }
        let (catalog, definedIn) = try LicenseCatalog.builtIn.including(ledgerLicensesOf: try workspace.snapshot())
        return catalog.licenses.map { LicenseEntry(license: $0, definedIn: definedIn[$0.id.lowercased()]) }
    }

    /// The license an id, SPDX id, Hugging Face tag or alias names; bad input with
    /// suggestions when none does.
    public static func show(_ identifier: String, in workspace: Workspace?) throws -> LicenseEntry {
        let entries = try entries(in: workspace)
        let catalog = LicenseCatalog(entries.map(\.license))
        guard let license = catalog.license(for: identifier) else {
            let suggestions = NameSuggestions.closest(to: identifier, among: entries.map(\.license.id))
            throw LedgerError.invalidInput("no license \(identifier.debugDescription) in the catalog or the ledgers"
                + (suggestions.isEmpty ? "; `repro license list` shows them all"
                    : "; did you mean \(suggestions.map(\.debugDescription).joined(separator: " or "))?"))
        }
        return entries.first { $0.license.id == license.id } ?? LicenseEntry(license: license)
    }
}

extension Workspace {
    /// Records a license defined in a JSON file (the `License` JSON form; `id` and `name`
    /// required, every other fact optional and "not known" when absent) in a ledger.
    public func addLicense(file filePath: FilePath, ledger: String) throws -> LicenseAddOutcome {
        let path = filePath.string
        try store.requireLedger(ledger)
        let bytes = try LicenseDefinitionFile.read(path)
        let definition: JSONValue
        do { definition = try JSONParser.parse(bytes) } catch {
            let (line, column) = LicenseDefinitionFile.lineAndColumn(of: error.offset, in: bytes)
            throw LedgerError.invalidInput("\(path):\(line):\(column): not valid JSON: \(error.reason)")
        }
        guard let id = definition["id"]?.stringValue, !id.isEmpty else {
            throw LedgerError.invalidInput("\(path): a license needs a string \"id\", e.g. \"acme-data-use-1.0\"")
        }
        let record = LicenseRecord(id: id, definition: definition, recordedAt: now(), recordedBy: agent)
        let license = try License(record: record)
        let written = try store.write(.license(record), to: ledger)
        return LicenseAddOutcome(id: license.id, name: license.name, record: written.file.relativePath, created: written.created)
    }
}

extension TextReport {
    public static func licenseLine(_ entry: LicenseEntry) -> String {
        let license = entry.license
        var facts = [license.spdxID, license.osiApproved ? "OSI-approved" : "not OSI-approved", commercial(license.commercialUse)]
        if let ledger = entry.definedIn { facts.append("defined in ledger \(ledger)") }
        return "\(safe(license.id))  \(safe(license.name))  (\(safe(facts.joined(separator: "; "))))\n"
    }

    public static func licenseDetail(_ entry: LicenseEntry) -> String {
        let license = entry.license
        // A ledger's own license definitions are a co-author's text: escaped like every name.
        var lines = ["\(safe(license.id))  \(safe(license.name))"]
        func field(_ label: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            lines.append("  " + (label + ":").padding(toLength: 22, withPad: " ", startingAt: 0) + safe(value))
        }
        func known(_ flag: Bool?) -> String { flag.map { $0 ? "required" : "not required" } ?? "unconfirmed" }
        field("version", license.version)
        field("defined in", entry.definedIn.map { "ledger \($0)" } ?? "built-in catalog")
        field("categories", license.categories.map(\.rawValue).joined(separator: ", "))
        field("SPDX", license.spdxID + (license.spdxListed ? "" : " (not on the SPDX list)"))
        field("Hugging Face tag", license.hfTag)
        field("Hugging Face aliases", license.hfAliases.joined(separator: ", "))
        field("OSI-approved", license.osiApproved ? "yes" : "no")
        field("commercial use", commercial(license.commercialUse))
        if case .restricted(let summary, _) = license.commercialUse { field("  terms", summary) }
        field("attribution", known(license.attribution.required))
        field("  terms", license.attribution.summary)
        field("  notice", license.attribution.noticeText)
        field("derivative naming", known(license.derivativeNaming.required)
            + (license.derivativeNaming.requiredPrefix.map { ", name must begin with \"\($0)\"" } ?? ""))
        field("  terms", license.derivativeNaming.summary)
        field("outputs train models", license.outputTraining.permission.rawValue)
        field("  terms", license.outputTraining.summary)
        field("acceptable use", license.acceptableUsePolicy.attached.map { $0 ? "policy attached" : "none" } ?? "unconfirmed")
        field("  policy", license.acceptableUsePolicy.url?.absoluteString)
        field("redistribution", license.redistributionConditions)
        field("forbids redistribution", license.forbidsRedistributionOfWeights ? "yes" : nil)
        field("Hugging Face gating", license.hubGating.status.rawValue)
        field("  observed", license.hubGating.summary)
        switch license.geographicRestriction {
        case .unrestricted: field("geography", "no restriction")
        case .restricted(let summary): field("geography", summary)
        case .unconfirmed: field("geography", "unconfirmed")
        }
        field("license text", license.licenseURL?.absoluteString)
        field("notes", license.notes)
        for item in license.unconfirmed { field("unconfirmed", item) }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func licenseAdded(_ outcome: LicenseAddOutcome) -> String {
        "\(safe(outcome.id))  \(safe(outcome.name))  \(outcome.created ? "recorded in" : "already recorded in") \(outcome.record)\n"
    }

    static func commercial(_ use: CommercialUse) -> String {
        switch use {
        case .allowed: "commercial use allowed"
        case .forbidden: "non-commercial only"
        case .unclear: "commercial use unconfirmed"
        case .restricted(_, let cap):
            "commercial use restricted" + (cap.map { " above \(ProseFormatting.count($0)) monthly active users" } ?? "")
        }
    }
}
