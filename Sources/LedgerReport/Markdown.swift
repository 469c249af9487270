import LedgerCore

/// Turns researcher-supplied text into Markdown that renders literally in CommonMark and
/// GitHub Flavored Markdown, in a paragraph, a list item or a table cell.
public enum Markdown {
    /// Escapes `text` so it cannot start emphasis, code, links, raw HTML, entities, math,
    /// strikethrough or a table column, and cannot open a block (heading, list, quote) when it
    /// starts a line. Line breaks become spaces because a table row must stay on one line;
    /// leading whitespace is dropped (Markdown would not show it, and four spaces would open a
    /// code block). Non-ASCII text is kept: Markdown is UTF-8.
    ///
    /// Only punctuation that can change the rendering is escaped, so `Llama-3.1-8B` stays
    /// readable in the Markdown source.
    public static func escape(_ text: String) -> String {
        var output = ""
        var atLineStart = true
        for character in text {
            if character.isWhitespace {
                if !atLineStart { output.append(" ") }
            } else if character.isInvisibleControl {
                continue
            } else {
                if alwaysEscaped.contains(character) || (atLineStart && escapedAtLineStart.contains(character)) {
                    output.append("\\")
                }
                output.append(character)
                atLineStart = false
            }
        }
        return escapingOrderedListMarker(output)
    }

    private static let alwaysEscaped: Set<Character> = [
        "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&", "$",
    ]

    private static let escapedAtLineStart: Set<Character> = ["#", "-", "+", "=", ":"]

    /// `1. text` or `1) text` at the start would begin an ordered list.
    private static func escapingOrderedListMarker(_ text: String) -> String {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 9 else { return text }
        let rest = text.dropFirst(digits.count)
        guard let marker = rest.first, marker == "." || marker == ")" else { return text }
        return String(digits) + "\\" + String(rest)
    }
}
