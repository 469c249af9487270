import Foundation
import LedgerCore

/// Checks of command-line values, each failing with a message naming the option.
enum Parse {
    static func kind(_ text: String) throws -> ArtifactKind {
        guard let kind = ArtifactKind(rawValue: text) else {
            throw LedgerError.invalidValue(option: "--kind", value: text, allowed: ArtifactKind.allCases.map(\.rawValue))
        }
        return kind
    }

    static func status(_ text: String) throws -> AvailabilityStatus {
        guard let status = AvailabilityStatus(rawValue: text) else {
            throw LedgerError.invalidValue(option: "STATUS", value: text, allowed: AvailabilityStatus.allCases.map(\.rawValue))
        }
        return status
    }

    /// Returns the canonical form of a valid SPDX expression or Hugging Face tag.
    static func license(_ text: String) throws -> String {
        do { return try LicenseExpression(parsing: text).description } catch {
            throw LedgerError.invalidLicense(expression: text, reason: error.description)
        }
    }

    /// `REPO@REVISION`, e.g. `meta-llama/Llama-3.1-8B@0e9e39f`.
    static func huggingFace(_ text: String) throws -> (repo: String, revision: String) {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
              parts[0].split(separator: "/").count == 2, !parts[0].hasPrefix("/"), !parts[0].hasSuffix("/"),
              !text.contains(where: { $0.isWhitespace })
        else { throw LedgerError.invalidHuggingFaceReference(text) }
        return (String(parts[0]), String(parts[1]))
    }

    @discardableResult
    static func url(_ text: String, option: String) throws -> String {
        guard let url = URL(string: text), let scheme = url.scheme, ["http", "https", "ftp", "s3", "gs", "hf", "file"].contains(scheme.lowercased()),
              !text.contains(where: { $0.isWhitespace }) else {
            throw LedgerError.invalidInput("invalid \(option) \(text.debugDescription): expected a URL such as https://example.org/data.tar")
        }
        return text
    }
}
