import Testing
@testable import LedgerReport

/// The text statement's word wrap, written word by word: exact lines, prefixes, a word
/// longer than the width, and a space that is part of a character rather than a break.
@Suite struct TextWrapTests {
    private let word = String(repeating: "a", count: 10)

    @Test func wrapsGreedilyAtEightyColumns() {
        let words = Array(repeating: word, count: 9)
        let expected = words.prefix(7).joined(separator: " ") + "\n" + words.suffix(2).joined(separator: " ") + "\n"
        #expect(TextStatement.wrap(words.joined(separator: " ")) == expected)
    }

    @Test func firstAndLaterLinesGetTheirPrefixes() {
        let text = Array(repeating: word, count: 8).joined(separator: " ")
        // "- " + 7 words is 78 columns; the eighth goes to a line of its own, indented.
        let expected = "- " + Array(repeating: word, count: 7).joined(separator: " ") + "\n  " + word + "\n"
        #expect(TextStatement.wrap(text, first: "- ", rest: "  ") == expected)
    }

    @Test func aWordLongerThanTheWidthGetsALineOfItsOwn() {
        let long = String(repeating: "d", count: 90)
        #expect(TextStatement.wrap("x " + long + " y") == "x\n" + long + "\ny\n")
    }

    @Test func runsOfSpacesAndEmptyTextAreNoWords() {
        #expect(TextStatement.wrap("  a   b  ") == "a b\n")
        #expect(TextStatement.wrap("") == "")
        #expect(TextStatement.wrap("   ") == "")
    }

    /// Widths are characters, not bytes: ASCII is counted as the line grows, other text as
    /// characters. 26 words of "éé" and spaces are 77 columns (129 bytes); a 27th fits in 80.
    @Test func nonASCIIWidthsAreCharacters() {
        let words = Array(repeating: "éé", count: 30)
        let expected = words.prefix(27).joined(separator: " ") + "\n" + words.suffix(3).joined(separator: " ") + "\n"
        #expect(TextStatement.wrap(words.joined(separator: " ")) == expected)
        #expect(TextStatement.wrap("ab " + words.joined(separator: " "), first: "- ", rest: "  ").split(separator: "\n").map(\.count)
            == [79, 2 + 5 * 2 + 4])
    }

    @Test func wrappingOntoTextAppendsTheSameLines() {
        var out = "kept\n"
        let text = Array(repeating: word, count: 9).joined(separator: " ")
        TextStatement.wrap(text, first: "- ", rest: "  ", onto: &out)
        #expect(out == "kept\n" + TextStatement.wrap(text, first: "- ", rest: "  "))
    }

    @Test func aSpaceCarryingACombiningMarkIsNotABreak() {
        // 78 letters, then a space with a combining acute (one character), then "b": one word
        // of 80 characters, which fits. Split at the space it would need 81 and wrap.
        let text = String(repeating: "a", count: 78) + " \u{301}b"
        #expect(TextStatement.wrap(text) == text + "\n")
        #expect(TextStatement.wrap("é b") == "é b\n")
    }
}
