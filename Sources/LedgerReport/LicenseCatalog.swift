import Foundation
import LedgerCore

/// The licenses a ledger can name, found the way researchers write them.
///
/// `license(for:)` is case-insensitive and tries, in order: catalog id (`llama3.1`,
/// `mistral-mrl`), SPDX id (`Apache-2.0`, `LicenseRef-llama3.1`), Hugging Face tag (`odc-by`),
/// Hugging Face alias (`mrl`, `qwen`, `gemma-terms-of-use`), and finally, for a trailing `+`,
/// the SPDX "or later" reading (`CC-BY-4.0+` → `cc-by-4.0`, the oldest version it admits).
///
/// Several entries share a spelling: `Apache-2.0` and `MIT` are also the SPDX ids of
/// `mistral-apache-2.0` and `deepseek-r1-mit`, and Hugging Face tags seven licenses `other`.
/// A shared spelling resolves to the generic entry, the one whose id is that spelling
/// (`apache-2.0`, `mit`, `other`); the model-specific entries are reached by their catalog id
/// or alias. If no generic entry exists, the most recently added license wins, so a ledger's
/// own definitions take precedence over the built-in ones.
public struct LicenseCatalog: Sendable {
    /// In order of first appearance; a later license with the same id (case-insensitive)
    /// replaces the earlier one in place.
    public let licenses: [License]

    public init(_ licenses: [License]) {
        var merged: [License] = []
        var positions: [String: Int] = [:]
        for license in licenses {
            let key = license.id.lowercased()
            if let position = positions[key] {
                merged[position] = license
            } else {
                positions[key] = merged.count
                merged.append(license)
            }
        }
        self.licenses = merged
        lookup = Self.spellings.map { spelled in
            var candidates: [String: [License]] = [:]
            for license in merged {
                for key in Set(spelled(license).map { $0.lowercased() }) { candidates[key, default: []].append(license) }
            }
            return candidates.mapValues { $0.first(where: \.isGenericEntry) ?? $0.last! }
        }
    }

    /// Per kind of spelling, in `match` order: each lower-cased spelling and the license it
    /// resolves to. Built once, so a lookup does not scan the catalog (statements look up
    /// licenses for every artifact in scope).
    private let lookup: [[String: License]]

    private static let spellings: [@Sendable (License) -> [String]] = [
        { [$0.id] },
        { [$0.spdxID] },
        { $0.hfTag.map { [$0] } ?? [] },
        { $0.hfAliases },
    ]

    /// The licenses converted from the researched facts shipped with LedgerReport.
    ///
    /// The resource is part of the package and its conversion is covered by tests, so a
    /// failure here is a broken build, reported with the reason rather than an empty catalog.
    public static let builtIn: LicenseCatalog = {
        do {
            return try loadBuiltIn()
        } catch {
            preconditionFailure("built-in license catalog: \(error)")
        }
    }()

    /// Loads the bundled `licenses.json`; `builtIn` caches this.
    public static func loadBuiltIn() throws(LicenseCatalogError) -> LicenseCatalog {
        let name = "licenses.json"
        guard let url = Bundle.module.url(forResource: "licenses", withExtension: "json") else {
            throw .resourceMissing(name: name)
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .unreadable(name: url.path, reason: error.localizedDescription)
        }
        return try LicenseCatalog(researchedFacts: data)
    }

    /// Converts researched facts in the `licenses.json` format into a catalog.
    public init(researchedFacts data: Data) throws(LicenseCatalogError) {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let entries: [ResearchedLicense]
        do {
            entries = try decoder.decode([ResearchedLicense].self, from: data)
        } catch {
            throw .malformed(reason: Self.explain(error))
        }
        var seen: Set<String> = []
        var licenses: [License] = []
        for entry in entries {
            guard seen.insert(entry.id.lowercased()).inserted else { throw .duplicateID(entry.id) }
            licenses.append(try License(researched: entry))
        }
        self.init(licenses)
    }

    /// The license `identifier` names, or nil when nothing in the catalog spells it so.
    public func license(for identifier: String) -> License? {
        // Trimmed only when an end is not printable ASCII: asked for every license of every
        // artifact, and Foundation's trimming is slow.
        let printable: ClosedRange<UInt8> = 0x21...0x7E
        let bare = identifier.utf8.first.map(printable.contains) == true && identifier.utf8.last.map(printable.contains) == true
        let key = (bare ? identifier : identifier.trimmingCharacters(in: .whitespacesAndNewlines)).lowercased()
        guard !key.isEmpty else { return nil }
        if let license = match(key) {
            return license
        }
        if key.hasSuffix("+") {
            return match(String(key.dropLast()))
        }
        return nil
    }

    /// A catalog that also knows `licenses`, replacing any with the same id.
    public func adding(_ licenses: [License]) -> LicenseCatalog {
        LicenseCatalog(self.licenses + licenses)
    }

    /// The license of each identifier in `expression.licenseIDs`, nil where unknown, so a
    /// disclosure can name what it could not look up.
    public func resolve(_ expression: LicenseExpression) -> [License?] {
        expression.licenseIDs.map(license(for:))
    }

    private func match(_ key: String) -> License? {
        for table in lookup {
            if let chosen = table[key] { return chosen }
        }
        return nil
    }

    private static func explain(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return String(describing: error) }
        let context: DecodingError.Context
        switch error {
        case .typeMismatch(_, let found), .valueNotFound(_, let found), .keyNotFound(_, let found),
             .dataCorrupted(let found):
            context = found
        @unknown default:
            return String(describing: error)
        }
        var keys = context.codingPath
        if case .keyNotFound(let key, _) = error { keys.append(key) }
        let path = keys.map { $0.intValue.map { "[\($0)]" } ?? "." + snakeCase($0.stringValue) }.joined()
        return "\(path.isEmpty ? "top level" : path): \(context.debugDescription)"
    }

    /// Coding paths carry the converted camelCase names; the researcher edits snake_case JSON.
    private static func snakeCase(_ key: String) -> String {
        key.reduce(into: "") { result, character in
            if character.isUppercase {
                result += "_" + character.lowercased()
            } else {
                result.append(character)
            }
        }
    }
}

private extension License {
    /// The entry a shared spelling means: the one whose id is its own SPDX id or tag.
    var isGenericEntry: Bool {
        let key = id.lowercased()
        return key == spdxID.lowercased() || key == hfTag?.lowercased()
    }
}
