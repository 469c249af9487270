import LedgerCore

/// A recorded license in SPDX terms: listed identifiers in their canonical spelling, Hugging
/// Face tags mapped to the SPDX license they name, anything else a `LicenseRef-`, so the
/// result is a valid SPDX expression that supply-chain tools can evaluate.
enum SPDXLicense {
    /// One identifier of an expression, classified.
    enum Term: Hashable, Sendable {
        /// On the SPDX list, spelled as the list spells it.
        case listed(String)
        /// A listed license with the SPDX "or later" `+` (`Apache-2.0+`); valid only in expressions.
        case orLater(String)
        /// Not on the list: `LicenseRef-…` or `DocumentRef-…:LicenseRef-…`.
        case reference(String)

        var text: String {
            switch self {
            case .listed(let text), .orLater(let text), .reference(let text): text
            }
        }
    }

    /// Hugging Face Hub tags whose SPDX identifier is a different word, not just another case.
    /// HF's unversioned-suffix GNU tags name the "-only" licenses, as SPDX's deprecated ids did.
    static let huggingFaceAliases: [String: String] = [
        "odc-by": "ODC-By-1.0",
        "odbl": "ODbL-1.0",
        "pddl": "PDDL-1.0",
        "c-uda": "C-UDA-1.0",
        "gpl-2.0": "GPL-2.0-only",
        "gpl-3.0": "GPL-3.0-only",
        "lgpl-2.1": "LGPL-2.1-only",
        "lgpl-3.0": "LGPL-3.0-only",
        "agpl-3.0": "AGPL-3.0-only",
    ]

    static func term(_ id: String) -> Term {
        if let alias = huggingFaceAliases[id.lowercased()] { return .listed(alias) }
        if let listed = SPDXIdentifiers.canonical(id) { return .listed(listed) }
        let lower = id.lowercased()
        if lower.hasPrefix("licenseref-") || lower.hasPrefix("documentref-") { return .reference(id) }
        if id.hasSuffix("+"), !id.dropLast().hasSuffix("+"), let base = SPDXIdentifiers.canonical(String(id.dropLast())) {
            return .orLater(base + "+")
        }
        return .reference(reference(for: id))
    }

    /// `llama3.1` → `LicenseRef-llama3.1`; `openrail++` → `LicenseRef-openrail-plus-plus`,
    /// because a `LicenseRef-` idstring allows only letters, digits, `.` and `-`.
    static func reference(for tag: String) -> String {
        var body = ""
        for character in tag {
            if character.isASCII && (character.isLetter || character.isNumber || character == "." || character == "-") {
                body.append(character)
            } else if character == "+" {
                body += "-plus"
            } else {
                body += "-"
            }
        }
        return "LicenseRef-" + body
    }

    /// The expression with every identifier mapped by `term(_:)`.
    static func mapped(_ expression: LicenseExpression) -> LicenseExpression {
        switch expression {
        case .license(let id): .license(term(id).text)
        case .with(let id, let exception): .with(term(id).text, exception: SPDXIdentifiers.canonical(exception) ?? exception)
        case .and(let left, let right): .and(mapped(left), mapped(right))
        case .or(let left, let right): .or(mapped(left), mapped(right))
        }
    }
}
