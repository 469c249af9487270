import LedgerCore
import Testing

@Suite struct LicenseExpressionTests {
    private static func parse(_ text: String) throws -> LicenseExpression {
        try LicenseExpression(parsing: text)
    }

    @Test func singleIdentifiers() throws {
        #expect(try Self.parse("MIT") == .license("MIT"))
        #expect(try Self.parse("GPL-2.0+") == .license("GPL-2.0+"))
        #expect(try Self.parse("LicenseRef-acme-1.0") == .license("LicenseRef-acme-1.0"))
        #expect(try Self.parse("DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2")
            == .license("DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2"))
    }

    @Test(arguments: ["llama3.1", "llama2", "gemma", "openrail++", "other", "cc-by-nc-4.0", "odc-by"])
    func huggingFaceTagsAreSingleIdentifiers(tag: String) throws {
        let expression = try Self.parse(tag)
        #expect(expression == .license(tag))
        #expect(expression.description == tag)
        #expect(expression.licenseIDs == [tag])
    }

    @Test func andBindsTighterThanOr() throws {
        #expect(try Self.parse("A OR B AND C") == .or(.license("A"), .and(.license("B"), .license("C"))))
        #expect(try Self.parse("A AND B OR C") == .or(.and(.license("A"), .license("B")), .license("C")))
        #expect(try Self.parse("(A OR B) AND C") == .and(.or(.license("A"), .license("B")), .license("C")))
    }

    @Test func equalOperatorsGroupToTheLeft() throws {
        #expect(try Self.parse("A AND B AND C") == .and(.and(.license("A"), .license("B")), .license("C")))
        #expect(try Self.parse("A OR (B OR C)") == .or(.license("A"), .or(.license("B"), .license("C"))))
    }

    @Test func withBindsToTheSingleLicenseBeforeIt() throws {
        #expect(try Self.parse("GPL-2.0-only WITH Classpath-exception-2.0 OR MIT")
            == .or(.with("GPL-2.0-only", exception: "Classpath-exception-2.0"), .license("MIT")))
        #expect(try Self.parse("GPL-2.0+ WITH Bison-exception-2.2")
            == .with("GPL-2.0+", exception: "Bison-exception-2.2"))
    }

    @Test func operatorsAreCaseInsensitiveAndWhitespaceIsFree() throws {
        #expect(try Self.parse("mit and Apache-2.0 Or openrail++")
            == .or(.and(.license("mit"), .license("Apache-2.0")), .license("openrail++")))
        #expect(try Self.parse("  MIT\tOR\n Apache-2.0  ") == .or(.license("MIT"), .license("Apache-2.0")))
        #expect(try Self.parse("(MIT)AND(Apache-2.0)") == .and(.license("MIT"), .license("Apache-2.0")))
        #expect(try Self.parse("GPL-2.0 with Classpath-exception-2.0")
            == .with("GPL-2.0", exception: "Classpath-exception-2.0"))
    }

    @Test func descriptionUsesMinimalParentheses() throws {
        #expect(try Self.parse("((MIT))").description == "MIT")
        #expect(try Self.parse("(A AND B) OR C").description == "A AND B OR C")
        #expect(try Self.parse("A or (b and c)").description == "A OR b AND c")
        #expect(try Self.parse("(A OR B) and C").description == "(A OR B) AND C")
        #expect(try Self.parse("(A AND B) AND C").description == "A AND B AND C")
        #expect(try Self.parse("A AND (B AND C)").description == "A AND (B AND C)")
        #expect(try Self.parse("(GPL-2.0+ with X) and (Y or Z)").description == "GPL-2.0+ WITH X AND (Y OR Z)")
    }

    @Test func licenseIDsListLeavesInOrderWithoutExceptions() throws {
        let expression = try Self.parse(
            "(llama3.1 OR Apache-2.0) AND GPL-2.0 WITH Classpath-exception-2.0 AND llama3.1")
        #expect(expression.licenseIDs == ["llama3.1", "Apache-2.0", "GPL-2.0", "llama3.1"])
    }

    @Test(arguments: [
        "MIT",
        "Apache-2.0 OR MIT",
        "A OR B AND C",
        "(A OR B) AND (C OR D)",
        "A AND (B AND C)",
        "A OR (B OR C) OR D",
        "GPL-2.0+ WITH Classpath-exception-2.0 OR LicenseRef-x AND openrail++",
        "DocumentRef-d:LicenseRef-l AND (llama3.1 OR gemma)",
    ])
    func roundTrip(text: String) throws {
        let expression = try Self.parse(text)
        #expect(expression.description == text)
        #expect(try Self.parse(expression.description) == expression)
    }

    @Test func builtTreesRoundTripThroughTheirDescription() throws {
        let a = LicenseExpression.license("A"), b = LicenseExpression.license("B")
        let c = LicenseExpression.with("C", exception: "X")
        let trees: [LicenseExpression] = [
            .or(a, .or(b, c)), .and(a, .and(b, c)), .and(.or(a, b), .or(b, c)),
            .or(.and(a, b), .and(b, c)), .and(a, .or(.and(b, c), a)),
        ]
        for tree in trees {
            #expect(try Self.parse(tree.description) == tree, "\(tree.description)")
        }
    }

    // MARK: Errors

    private static func error(_ text: String) -> LicenseExpressionError? {
        do {
            _ = try LicenseExpression(parsing: text)
            return nil
        } catch {
            return error
        }
    }

    @Test func errorsNameWhatWasExpectedAndWhere() {
        let identifierRule = "identifiers contain only letters, digits, '.', '-' and a trailing '+', "
            + "and operators are AND, OR and WITH"
        let cases: [(String, LicenseExpressionError, String)] = [
            ("Apache-2.0 AND",
             .expectedLicense(expression: "Apache-2.0 AND", after: "AND", found: nil, column: 15),
             "\"Apache-2.0 AND\": expected a license identifier after AND at column 15"),
            ("OR MIT",
             .expectedLicense(expression: "OR MIT", after: nil, found: "OR", column: 1),
             "\"OR MIT\": expected a license identifier, found 'OR' at column 1"),
            ("MIT and or Apache-2.0",
             .expectedLicense(expression: "MIT and or Apache-2.0", after: "AND", found: "or", column: 9),
             "\"MIT and or Apache-2.0\": expected a license identifier after AND, found 'or' at column 9"),
            ("()",
             .expectedLicense(expression: "()", after: "'('", found: ")", column: 2),
             "\"()\": expected a license identifier after '(', found ')' at column 2"),
            ("MIT Apache-2.0",
             .expectedOperator(
                expression: "MIT Apache-2.0", after: "MIT", allowsWith: true, found: "Apache-2.0", column: 5),
             "\"MIT Apache-2.0\": expected AND, OR or WITH after MIT, found 'Apache-2.0' at column 5"),
            ("(MIT) WITH X",
             .expectedOperator(expression: "(MIT) WITH X", after: "')'", allowsWith: false, found: "WITH", column: 7),
             "\"(MIT) WITH X\": expected AND or OR after ')', found 'WITH' at column 7"),
            ("A WITH X WITH Y",
             .expectedOperator(
                expression: "A WITH X WITH Y", after: "A WITH X", allowsWith: false, found: "WITH", column: 10),
             "\"A WITH X WITH Y\": expected AND or OR after A WITH X, found 'WITH' at column 10"),
            ("(A OR B C)",
             .expectedOperator(expression: "(A OR B C)", after: "B", allowsWith: true, found: "C", column: 9),
             "\"(A OR B C)\": expected AND, OR or WITH after B, found 'C' at column 9"),
            ("GPL-2.0 WITH",
             .expectedException(expression: "GPL-2.0 WITH", found: nil, column: 13),
             "\"GPL-2.0 WITH\": expected an exception identifier after WITH at column 13"),
            ("GPL-2.0 WITH (X)",
             .expectedException(expression: "GPL-2.0 WITH (X)", found: "(", column: 14),
             "\"GPL-2.0 WITH (X)\": expected an exception identifier after WITH, found '(' at column 14"),
            ("(MIT OR Apache-2.0",
             .missingClosingParenthesis(expression: "(MIT OR Apache-2.0", openedAt: 1, column: 19),
             "\"(MIT OR Apache-2.0\": expected ')' to close the '(' at column 1, at column 19"),
            ("MIT)",
             .unmatchedClosingParenthesis(expression: "MIT)", column: 4),
             "\"MIT)\": ')' at column 4 has no matching '('"),
            ("MIT & Apache-2.0",
             .unexpectedCharacter(expression: "MIT & Apache-2.0", character: "&", column: 5),
             "\"MIT & Apache-2.0\": unexpected character '&' at column 5; " + identifierRule),
            ("MIT OR é",
             .unexpectedCharacter(expression: "MIT OR é", character: "é", column: 8),
             "\"MIT OR é\": unexpected character 'é' at column 8; " + identifierRule),
            ("+MIT",
             .unexpectedCharacter(expression: "+MIT", character: "+", column: 1),
             "\"+MIT\": unexpected character '+' at column 1; " + identifierRule),
            ("LicenseRef-",
             .incompleteReference(expression: "LicenseRef-", reference: "LicenseRef-", column: 12),
             "\"LicenseRef-\": expected an idstring (letters, digits, '.', '-') after LicenseRef- at column 12"),
            ("DocumentRef-doc OR MIT",
             .incompleteReference(expression: "DocumentRef-doc OR MIT", reference: "DocumentRef-doc", column: 16),
             "\"DocumentRef-doc OR MIT\": expected ':LicenseRef-<idstring>' after DocumentRef-doc at column 16"),
            ("DocumentRef-doc:MIT",
             .incompleteReference(expression: "DocumentRef-doc:MIT", reference: "DocumentRef-doc:", column: 17),
             "\"DocumentRef-doc:MIT\": expected 'LicenseRef-<idstring>' after DocumentRef-doc: at column 17"),
            ("DocumentRef-:LicenseRef-x",
             .incompleteReference(expression: "DocumentRef-:LicenseRef-x", reference: "DocumentRef-", column: 13),
             "\"DocumentRef-:LicenseRef-x\": expected an idstring (letters, digits, '.', '-') "
                + "after DocumentRef- at column 13"),
            ("LicenseRef-acme+",
             .orLaterNotAllowed(expression: "LicenseRef-acme+", identifier: "LicenseRef-acme", column: 16),
             "\"LicenseRef-acme+\": '+' (or later) at column 16 applies only to a license identifier, "
                + "not to LicenseRef-acme"),
            ("GPL-2.0 WITH Classpath-exception-2.0+",
             .orLaterNotAllowed(
                expression: "GPL-2.0 WITH Classpath-exception-2.0+",
                identifier: "the exception Classpath-exception-2.0", column: 37),
             "\"GPL-2.0 WITH Classpath-exception-2.0+\": '+' (or later) at column 37 applies only to a license "
                + "identifier, not to the exception Classpath-exception-2.0"),
        ]
        for (text, expected, message) in cases {
            let error = Self.error(text)
            #expect(error == expected, "\(text)")
            #expect(error?.description == message, "\(text)")
            #expect(error?.expression == text)
        }
    }

    @Test func emptyInputSaysWhatToWrite() {
        for text in ["", "   ", "\n\t"] {
            #expect(Self.error(text) == .empty)
        }
        #expect(LicenseExpressionError.empty.description
            == "license expression is empty; write an SPDX expression such as \"Apache-2.0 OR MIT\" "
            + "or a Hugging Face license tag such as \"llama3.1\"")
        #expect(LicenseExpressionError.empty.column == nil)
    }

    @Test func hostileSizesAreRejectedNotOverflowed() {
        let deep = String(repeating: "(", count: 40) + "MIT" + String(repeating: ")", count: 40)
        #expect(Self.error(deep) == .tooComplex(expression: deep, column: 33))
        let nested = String(repeating: "(", count: 32) + "MIT" + String(repeating: ")", count: 32)
        #expect(Self.error(nested) == nil)

        let many = Array(repeating: "MIT", count: 300).joined(separator: " AND ")
        #expect(Self.error(many) == .tooComplex(expression: many, column: 256 * 8 + 1))
        let allowed = Array(repeating: "MIT", count: 256).joined(separator: " OR ")
        #expect(Self.error(allowed) == nil)
    }
}
