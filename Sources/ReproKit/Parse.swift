import Foundation
import LedgerCore

/// Checks of command-line values, each failing with a message naming the option.
enum Parse {
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
        else { throw LedgerError.invalidInput("invalid --hf \(text.debugDescription): expected REPO@REVISION, e.g. meta-llama/Llama-3.1-8B@0e9e39f") }
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
