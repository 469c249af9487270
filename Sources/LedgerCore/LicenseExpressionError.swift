/// Why a license expression could not be parsed.
///
/// Every case carries the expression as written and the 1-based column (in
/// characters) where the problem was found, so a researcher can fix the
/// `--license` value or ledger entry without guessing.
public enum LicenseExpressionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The expression is empty or only whitespace.
    case empty
    /// A character that cannot appear in an identifier or operator.
    case unexpectedCharacter(expression: String, character: Character, column: Int)
    /// A license was expected; `after` is the operator or `(` before it, `found` is nil at the end.
    case expectedLicense(expression: String, after: String?, found: String?, column: Int)
    /// `WITH` was not followed by an exception identifier.
    case expectedException(expression: String, found: String?, column: Int)
    /// Two operands follow each other without an operator between them.
    case expectedOperator(expression: String, after: String, allowsWith: Bool, found: String, column: Int)
    /// A `(` was never closed.
    case missingClosingParenthesis(expression: String, openedAt: Int, column: Int)
    /// A `)` has no `(` to close.
    case unmatchedClosingParenthesis(expression: String, column: Int)
    /// `LicenseRef-` or `DocumentRef-…:LicenseRef-` is cut short.
    case incompleteReference(expression: String, reference: String, column: Int)
    /// The SPDX "or later" `+` follows something that has no later versions.
    case orLaterNotAllowed(expression: String, identifier: String, column: Int)
    /// Too many licenses or too deep parentheses to be a real license.
    case tooComplex(expression: String, column: Int)

    /// The expression as written, or "" for `.empty`.
    public var expression: String {
        switch self {
        case .empty: ""
        case .unexpectedCharacter(let expression, _, _),
             .expectedLicense(let expression, _, _, _),
             .expectedException(let expression, _, _),
             .expectedOperator(let expression, _, _, _, _),
             .missingClosingParenthesis(let expression, _, _),
             .unmatchedClosingParenthesis(let expression, _),
             .incompleteReference(let expression, _, _),
             .orLaterNotAllowed(let expression, _, _),
             .tooComplex(let expression, _):
            expression
        }
    }

    /// The 1-based character column of the problem; nil for `.empty`.
    public var column: Int? {
        switch self {
        case .empty: nil
        case .unexpectedCharacter(_, _, let column),
             .expectedLicense(_, _, _, let column),
             .expectedException(_, _, let column),
             .expectedOperator(_, _, _, _, let column),
             .missingClosingParenthesis(_, _, let column),
             .unmatchedClosingParenthesis(_, let column),
             .incompleteReference(_, _, let column),
             .orLaterNotAllowed(_, _, let column),
             .tooComplex(_, let column):
            column
        }
    }

    /// What went wrong, without the expression itself.
    public var message: String {
        switch self {
        case .empty:
            return "license expression is empty; write an SPDX expression such as \"Apache-2.0 OR MIT\" "
                + "or a Hugging Face license tag such as \"llama3.1\""
        case .unexpectedCharacter(_, let character, let column):
            return "unexpected character '\(character)' at column \(column); identifiers contain only "
                + "letters, digits, '.', '-' and a trailing '+', and operators are AND, OR and WITH"
        case .expectedLicense(_, let after, let found, let column):
            let context = after.map { " after \($0)" } ?? ""
            return "expected a license identifier\(context)\(Self.found(found)) at column \(column)"
        case .expectedException(_, let found, let column):
            return "expected an exception identifier after WITH\(Self.found(found)) at column \(column)"
        case .expectedOperator(_, let after, let allowsWith, let found, let column):
            let operators = allowsWith ? "AND, OR or WITH" : "AND or OR"
            return "expected \(operators) after \(after)\(Self.found(found)) at column \(column)"
        case .missingClosingParenthesis(_, let openedAt, let column):
            return "expected ')' to close the '(' at column \(openedAt), at column \(column)"
        case .unmatchedClosingParenthesis(_, let column):
            return "')' at column \(column) has no matching '('"
        case .incompleteReference(_, let reference, let column):
            if reference.hasSuffix(":") {
                return "expected 'LicenseRef-<idstring>' after \(reference) at column \(column)"
            }
            if !reference.contains(":"), reference.count > "DocumentRef-".count,
               reference.lowercased().hasPrefix("documentref-") {
                return "expected ':LicenseRef-<idstring>' after \(reference) at column \(column)"
            }
            return "expected an idstring (letters, digits, '.', '-') after \(reference) at column \(column)"
        case .orLaterNotAllowed(_, let identifier, let column):
            return "'+' (or later) at column \(column) applies only to a license identifier, not to \(identifier)"
        case .tooComplex(_, let column):
            return "expression is too complex at column \(column) (over \(LicenseExpression.maximumLicenses) "
                + "licenses or \(LicenseExpression.maximumNesting) nested parentheses); split it"
        }
    }

    public var description: String {
        if case .empty = self { return message }
        return "\"\(expression)\": \(message)"
    }

    private static func found(_ token: String?) -> String {
        token.map { ", found '\($0)'" } ?? ""
    }
}
