import Foundation
import Yams

/// What a Hugging Face model or dataset card (`README.md` YAML front matter) says about
/// license and lineage: the keys `license`, `license_name`, `license_link`, `base_model`
/// (one id or a list), `base_model_relation` and `datasets`.
public struct ModelCard: Codable, Hashable, Sendable {
    public var license: String?
    public var licenseName: String?
    public var licenseLink: String?
    public var baseModels: [String]
    public var baseModelRelation: String?
    public var datasets: [String]

    public init(license: String? = nil, licenseName: String? = nil, licenseLink: String? = nil, baseModels: [String] = [],
                baseModelRelation: String? = nil, datasets: [String] = []) {
        self.license = license
        self.licenseName = licenseName
        self.licenseLink = licenseLink
        self.baseModels = baseModels
        self.baseModelRelation = baseModelRelation
        self.datasets = datasets
    }

    /// Bytes of `README.md` read at most; the front matter must end within them.
    public static let maximumFrontMatter = 64 << 10

    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case tooLarge(path: String)
        case unterminated(path: String)
        case invalidYAML(path: String, reason: String)
        case notAMapping(path: String)

        public var description: String {
            switch self {
            case .tooLarge(let path):
                "\(path): model card front matter is longer than \(ModelCard.maximumFrontMatter / 1024) KiB; not read"
            case .unterminated(let path): "\(path): model card front matter has no closing \"---\" line; not read"
            case .invalidYAML(let path, let reason): "\(path): model card front matter is not valid YAML (\(reason)); not read"
            case .notAMapping(let path): "\(path): model card front matter is not a YAML mapping; not read"
            }
        }
    }

    /// The card of the snapshot folder (or the folder holding a snapshot file): nil when
    /// there is no `README.md` or it has no front matter.
    public static func read(folder: String) throws(Failure) -> ModelCard? {
        let path = folder + "/README.md"
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: maximumFrontMatter + 8)) ?? Data()
        return try parse([UInt8](head), path: path)
    }

    /// Parses the front matter at the start of `bytes` (at most `maximumFrontMatter` of it).
    public static func parse(_ bytes: [UInt8], path: String) throws(Failure) -> ModelCard? {
        let text = String(decoding: bytes.prefix(maximumFrontMatter + 8), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).makeIterator()
        guard let first = lines.next(), first.trimmingCharacters(in: .whitespaces) == "---" else { return nil }
        var yaml: [Substring] = []
        var closed = false
        while let line = lines.next() {
            if line.trimmingCharacters(in: .whitespacesAndNewlines) == "---" { closed = true; break }
            yaml.append(line)
        }
        let body = yaml.joined(separator: "\n")
        if body.utf8.count > maximumFrontMatter || (!closed && bytes.count > maximumFrontMatter) { throw .tooLarge(path: path) }
        guard closed else { throw .unterminated(path: path) }
        let root: Node?
        do { root = try Yams.compose(yaml: body) } catch {
            throw .invalidYAML(path: path, reason: String(describing: error).split(separator: "\n").first.map(String.init) ?? "")
        }
        guard let root else { return ModelCard() }
        guard case .mapping = root else { throw .notAMapping(path: path) }
        // Only the top-level keys are read, never the whole tree: aliases cannot blow up.
        func value(_ key: String) -> String? {
            guard let node = root[key], case .scalar(let scalar) = node else { return nil }
            let text = scalar.string.trimmingCharacters(in: .whitespaces)
            return text.isEmpty ? nil : text
        }
        func list(_ key: String) -> [String] {
            guard let node = root[key] else { return [] }
            switch node {
            case .scalar: return value(key).map { [$0] } ?? []
            case .sequence(let items):
                return items.compactMap { item -> String? in
                    guard case .scalar(let scalar) = item else { return nil }
                    let item = scalar.string.trimmingCharacters(in: .whitespaces)
                    return item.isEmpty ? nil : item
                }
            default: return []
            }
        }
        return ModelCard(license: value("license"), licenseName: value("license_name"), licenseLink: value("license_link"),
                         baseModels: list("base_model"), baseModelRelation: value("base_model_relation"),
                         datasets: list("datasets"))
    }

    /// The license as the ledger records it: the card's id, or for `other` the card's
    /// `license_name` as a `LicenseRef-` (SPDX's form for a license without an id).
    public var ledgerLicense: String? {
        guard let license else { return nil }
        if license == "other", let name = licenseName {
            let safe = name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") ? $0 : "-" }
            return "LicenseRef-" + String(safe)
        }
        return license
    }
}
