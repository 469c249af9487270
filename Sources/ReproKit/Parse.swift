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
        guard parts.count == 2, FieldRules.huggingFaceRepoProblem(String(parts[0])) == nil,
              FieldRules.huggingFaceRevisionProblem(String(parts[1])) == nil
        else { throw LedgerError.invalidHuggingFaceReference(text) }
        return (String(parts[0]), String(parts[1]))
    }

    @discardableResult
    static func url(_ text: String, option: String) throws -> String {
        if let reason = FieldRules.sourceURLProblem(text) {
            throw LedgerError.invalidInput("invalid \(option) \(text.debugDescription): \(reason)")
        }
        return text
    }

    /// An `http`/`https` URL or a DOI, the rule records read from disk are held to as well.
    @discardableResult
    static func evidence(_ text: String) throws -> String {
        if let reason = FieldRules.evidenceProblem(text) {
            throw LedgerError.invalidInput("invalid --evidence \(text.debugDescription): \(reason)")
        }
        return text
    }
}
