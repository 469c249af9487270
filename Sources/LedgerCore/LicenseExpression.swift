/// A license expression: an SPDX expression (SPDX 2.3, annex D) or a Hugging Face license tag.
///
/// Ledgers record licenses as researchers write them (`Apache-2.0 OR MIT`, `llama3.1`,
/// `LicenseRef-acme-research`), so one parser must accept both vocabularies.
///
/// Identifiers keep a trailing `+` as part of their text. For SPDX ids it is the "or later"
/// operator (`GPL-2.0+`); in Hugging Face tags it is part of the name (`openrail++`). The two are
/// lexically identical, so the parser does not guess: the license catalog looks the exact text
/// up first and only then reads a final `+` as "or later". `LicenseRef-` references and `WITH`
/// exceptions have no later versions, so a `+` on them is an error.
///
/// Operators are matched case-insensitively (`and` is `AND`), which SPDX recommends against but
/// hand-typed expressions use; `description` always writes them in upper case.
public indirect enum LicenseExpression: Hashable, Sendable, CustomStringConvertible {
    case license(String)
    case with(String, exception: String)
    case and(LicenseExpression, LicenseExpression)
    case or(LicenseExpression, LicenseExpression)

    /// Bounds that keep hostile input from exhausting the stack; real expressions use a handful.
    public static let maximumLicenses = 256
    public static let maximumNesting = 32

    /// Parses `text`; `AND` binds tighter than `OR`, `WITH` tighter than both, and equal
    /// operators group to the left.
    public init(parsing text: String) throws(LicenseExpressionError) {
        var parser = try ExpressionParser(text)
        self = try parser.parse()
    }

    /// Every license identifier in reading order, exceptions excluded, duplicates kept.
    public var licenseIDs: [String] {
        switch self {
        case .license(let id), .with(let id, _):
            [id]
        case .and(let left, let right), .or(let left, let right):
            left.licenseIDs + right.licenseIDs
        }
    }

    /// Canonical text with upper-case operators and only the parentheses needed to parse back
    /// to the same tree.
    public var description: String {
        switch self {
        case .license(let id):
            id
        case .with(let id, let exception):
            "\(id) WITH \(exception)"
        case .and(let left, let right):
            "\(left.rendered(under: 1, asRightOperand: false)) AND \(right.rendered(under: 1, asRightOperand: true))"
        case .or(let left, let right):
            "\(left.rendered(under: 0, asRightOperand: false)) OR \(right.rendered(under: 0, asRightOperand: true))"
        }
    }

    private var precedence: Int {
        switch self {
        case .or: 0
        case .and: 1
        case .license, .with: 2
        }
    }

    /// Parenthesizes looser operands, and right operands of the same operator, because parsing
    /// groups to the left: `A OR (B OR C)` must not come back as `(A OR B) OR C`.
    private func rendered(under parentPrecedence: Int, asRightOperand: Bool) -> String {
        let needsParentheses = precedence < parentPrecedence
            || (precedence == parentPrecedence && asRightOperand)
        return needsParentheses ? "(\(description))" : description
    }
}

// MARK: - Lexing

private struct ExpressionToken {
    enum Kind: Equatable {
        case identifier(String)
        case and, or, with, open, close, end
    }

    let kind: Kind
    /// The text as written, for error messages; empty at the end of input.
    let text: String
    let column: Int
}

private enum ExpressionLexer {
    static func tokens(in text: String) throws(LicenseExpressionError) -> [ExpressionToken] {
        let characters = Array(text)
        var tokens: [ExpressionToken] = []
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let column = index + 1
            if character.isWhitespace {
                index += 1
            } else if character == "(" {
                tokens.append(ExpressionToken(kind: .open, text: "(", column: column))
                index += 1
            } else if character == ")" {
                tokens.append(ExpressionToken(kind: .close, text: ")", column: column))
                index += 1
            } else if isIDStringCharacter(character) {
                let end = wordEnd(in: characters, from: index)
                let word = String(characters[index..<end])
                tokens.append(try token(for: word, column: column, in: text))
                index = end
            } else {
                throw .unexpectedCharacter(expression: text, character: character, column: column)
            }
        }
        tokens.append(ExpressionToken(kind: .end, text: "", column: characters.count + 1))
        return tokens
    }

    /// SPDX idstring characters; `+` and `:` are handled as suffix and reference separator.
    static func isIDStringCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "." || character == "-")
    }

    /// Reads `idstring[:idstring]+*`; the colon only continues a `DocumentRef-` word.
    private static func wordEnd(in characters: [Character], from start: Int) -> Int {
        var end = start
        while end < characters.count, isIDStringCharacter(characters[end]) { end += 1 }
        if end < characters.count, characters[end] == ":",
           String(characters[start..<end]).lowercased().hasPrefix(documentRefPrefix) {
            end += 1
            while end < characters.count, isIDStringCharacter(characters[end]) { end += 1 }
        }
        while end < characters.count, characters[end] == "+" { end += 1 }
        return end
    }

    private static let documentRefPrefix = "documentref-"
    private static let licenseRefPrefix = "licenseref-"

    private static func token(
        for word: String, column: Int, in text: String
    ) throws(LicenseExpressionError) -> ExpressionToken {
        switch word.lowercased() {
        case "and": return ExpressionToken(kind: .and, text: word, column: column)
        case "or": return ExpressionToken(kind: .or, text: word, column: column)
        case "with": return ExpressionToken(kind: .with, text: word, column: column)
        default: break
        }
        try validateReference(word, column: column, in: text)
        return ExpressionToken(kind: .identifier(word), text: word, column: column)
    }

    /// Checks the shape of `LicenseRef-` and `DocumentRef-…:LicenseRef-` words.
    private static func validateReference(
        _ word: String, column: Int, in text: String
    ) throws(LicenseExpressionError) {
        let body = String(word.prefix { $0 != "+" })
        let lower = body.lowercased()
        let isDocumentRef = lower.hasPrefix(documentRefPrefix)
        guard isDocumentRef || lower.hasPrefix(licenseRefPrefix) else { return }

        var licenseRef = Substring(body)
        if isDocumentRef {
            guard let colon = body.firstIndex(of: ":") else {
                throw .incompleteReference(expression: text, reference: body, column: column + body.count)
            }
            let documentPart = body[..<colon]
            guard documentPart.count > documentRefPrefix.count else {
                throw .incompleteReference(
                    expression: text, reference: String(documentPart), column: column + documentPart.count)
            }
            licenseRef = body[body.index(after: colon)...]
            guard licenseRef.lowercased().hasPrefix(licenseRefPrefix) else {
                throw .incompleteReference(
                    expression: text, reference: String(body[...colon]), column: column + documentPart.count + 1)
            }
        }
        guard licenseRef.count > licenseRefPrefix.count else {
            throw .incompleteReference(expression: text, reference: body, column: column + body.count)
        }
        if word.count > body.count {
            throw .orLaterNotAllowed(expression: text, identifier: body, column: column + body.count)
        }
    }
}

// MARK: - Parsing

/// Recursive descent over the grammar
/// `or := and (OR and)*`, `and := unit (AND unit)*`, `unit := id [WITH id] | "(" or ")"`.
private struct ExpressionParser {
    private let text: String
    private let tokens: [ExpressionToken]
    private var position = 0
    private var licenseCount = 0
    /// The operand parsed last, named in "expected AND or OR after …" messages.
    private var lastOperand = (text: "", allowsWith: false)

    init(_ text: String) throws(LicenseExpressionError) {
        self.text = text
        self.tokens = try ExpressionLexer.tokens(in: text)
    }

    mutating func parse() throws(LicenseExpressionError) -> LicenseExpression {
        guard tokens.count > 1 else { throw .empty }
        let expression = try parseOr(after: nil, depth: 0)
        let next = tokens[position]
        switch next.kind {
        case .end: return expression
        case .close: throw .unmatchedClosingParenthesis(expression: text, column: next.column)
        default: throw missingOperator(before: next)
        }
    }

    private mutating func parseOr(after context: String?, depth: Int) throws(LicenseExpressionError) -> LicenseExpression {
        var expression = try parseAnd(after: context, depth: depth)
        while tokens[position].kind == .or {
            position += 1
            expression = .or(expression, try parseAnd(after: "OR", depth: depth))
        }
        return expression
    }

    private mutating func parseAnd(after context: String?, depth: Int) throws(LicenseExpressionError) -> LicenseExpression {
        var expression = try parseUnit(after: context, depth: depth)
        while tokens[position].kind == .and {
            position += 1
            expression = .and(expression, try parseUnit(after: "AND", depth: depth))
        }
        return expression
    }

    private mutating func parseUnit(after context: String?, depth: Int) throws(LicenseExpressionError) -> LicenseExpression {
        let token = tokens[position]
        switch token.kind {
        case .open:
            guard depth < LicenseExpression.maximumNesting else {
                throw .tooComplex(expression: text, column: token.column)
            }
            position += 1
            let inner = try parseOr(after: "'('", depth: depth + 1)
            let closing = tokens[position]
            switch closing.kind {
            case .close:
                position += 1
                lastOperand = ("')'", false)
                return inner
            case .end:
                throw .missingClosingParenthesis(expression: text, openedAt: token.column, column: closing.column)
            default:
                throw missingOperator(before: closing)
            }
        case .identifier(let id):
            licenseCount += 1
            guard licenseCount <= LicenseExpression.maximumLicenses else {
                throw .tooComplex(expression: text, column: token.column)
            }
            position += 1
            guard tokens[position].kind == .with else {
                lastOperand = (id, true)
                return .license(id)
            }
            position += 1
            let exception = try parseException()
            lastOperand = ("\(id) WITH \(exception)", false)
            return .with(id, exception: exception)
        default:
            throw .expectedLicense(
                expression: text, after: context, found: Self.shown(token), column: token.column)
        }
    }

    private mutating func parseException() throws(LicenseExpressionError) -> String {
        let token = tokens[position]
        guard case .identifier(let exception) = token.kind else {
            throw .expectedException(expression: text, found: Self.shown(token), column: token.column)
        }
        if let plus = exception.firstIndex(of: "+") {
            let name = exception[..<plus]
            throw .orLaterNotAllowed(
                expression: text, identifier: "the exception \(name)", column: token.column + name.count)
        }
        position += 1
        return exception
    }

    private func missingOperator(before token: ExpressionToken) -> LicenseExpressionError {
        .expectedOperator(
            expression: text, after: lastOperand.text, allowsWith: lastOperand.allowsWith,
            found: token.text, column: token.column)
    }

    /// The token as quoted in a message; nil at the end of input.
    private static func shown(_ token: ExpressionToken) -> String? {
        token.kind == .end ? nil : token.text
    }
}
