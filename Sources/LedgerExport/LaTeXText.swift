import Foundation

/// Text for BibTeX fields that LaTeX typesets: every special character written as a command
/// that compiles in a plain `article` with no packages, and braces never left unbalanced
/// (BibTeX counts `\{` as a brace, so braces become `\textbraceleft{}`).
enum LaTeXText {
    static func escaped(_ text: String) -> String {
        var out = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            if character.isASCII {
                out += ascii(character, before: next)
            } else {
                out += nonASCII(character)
            }
        }
        return out
    }

    private static func ascii(_ character: Character, before next: Character?) -> String {
        switch character {
        case "\\": return "\\textbackslash{}"
        case "{": return "\\textbraceleft{}"
        case "}": return "\\textbraceright{}"
        case "$", "&", "#", "_", "%": return "\\" + String(character)
        case "^": return "\\textasciicircum{}"
        case "~": return "\\textasciitilde{}"
        case "<": return "\\textless{}"
        case ">": return "\\textgreater{}"
        case "|": return "\\textbar{}"
        // OT1 has no straight double quote (`\textquotedbl` fails); it prints `"` as `''` anyway.
        case "\"": return "{''}"
        case "`": return "\\textasciigrave{}"
        // Break the ligatures `--`, `---` and `''` so names print as typed.
        case "-" where next == "-", "'" where next == "'": return String(character) + "{}"
        default:
            return character.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7f }) ? String(character) : " "
        }
    }

    /// Latin letters with diacritics as accent commands, a few letters and punctuation by
    /// name; anything else as `U+XXXX`, because pdfLaTeX stops on characters it has no glyph for.
    private static func nonASCII(_ character: Character) -> String {
        if let named = named[character] { return named }
        let scalars = Array(String(character).decomposedStringWithCanonicalMapping.unicodeScalars)
        if let base = scalars.first, base.isASCII, base.properties.isAlphabetic, scalars.count > 1,
           scalars.dropFirst().allSatisfy({ accents[$0] != nil }) {
            let dotless = scalars.dropFirst().contains { $0.value < 0x0323 } && (base == "i" || base == "j")
            var result = dotless ? "\\" + String(base) : String(base)
            for mark in scalars.dropFirst() {
                result = "\\\(accents[mark]!){\(result)}"
            }
            return "{" + result + "}"
        }
        return character.unicodeScalars.map { scalar in
            let hex = String(scalar.value, radix: 16, uppercase: true)
            return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }.joined(separator: " ")
    }

    /// Combining marks and the OT1 accent commands that draw them.
    private static let accents: [Unicode.Scalar: String] = [
        "\u{0300}": "`", "\u{0301}": "'", "\u{0302}": "^", "\u{0303}": "~", "\u{0304}": "=",
        "\u{0306}": "u", "\u{0307}": ".", "\u{0308}": "\"", "\u{030A}": "r", "\u{030B}": "H",
        "\u{030C}": "v", "\u{0323}": "d", "\u{0327}": "c", "\u{0331}": "b",
    ]

    private static let named: [Character: String] = [
        "ß": "{\\ss}", "æ": "{\\ae}", "Æ": "{\\AE}", "œ": "{\\oe}", "Œ": "{\\OE}", "ø": "{\\o}", "Ø": "{\\O}",
        "ł": "{\\l}", "Ł": "{\\L}", "ı": "{\\i}", "ȷ": "{\\j}", "\u{00A0}": "~",
        "–": "--", "—": "---", "‘": "`", "’": "'", "“": "``", "”": "''", "…": "\\dots{}", "©": "\\copyright{}",
    ]
}
