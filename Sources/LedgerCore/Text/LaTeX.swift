import Foundation

/// Turns researcher-supplied text (artifact names, notes, URLs, digests) into LaTeX that
/// typesets literally and compiles with pdflatex in a bare `article` or a publisher class.
///
/// No user string can inject LaTeX: every special character becomes a kernel command or a
/// braced literal, and the output uses nothing beyond the LaTeX kernel, so it needs no package.
///
/// The one escaper of the statement, its macros, the checklist and the BibTeX export, so a
/// name is spelled the same in every output; `Context` says only what differs where it lands.
public enum LaTeX {
    /// Where escaped text goes.
    public enum Context: Sendable, CaseIterable {
        /// Running text, table cells, captions, `\texttt`, macro bodies.
        case runningText
        /// A BibTeX field value in braces: BibTeX counts `\{` and `\}` as braces too, so
        /// literal braces are `\textbraceleft{}` and `\textbraceright{}`; the rest as running text.
        case bibTeXField
        /// After `%` to the end of the line: one line of printable ASCII, anything else `?`,
        /// so no byte can end the comment or upset an editor's encoding guess.
        case comment
    }

    /// Escapes `text` for `context`; see `escape(_:)` for running text.
    public static func escape(_ text: String, in context: Context) -> String {
        switch context {
        case .runningText:
            return escape(text)
        case .bibTeXField:
            return escape(text, braces: (#"\textbraceleft{}"#, #"\textbraceright{}"#))
        case .comment:
            return String(text.map { $0.isASCII && !$0.isNewline && ($0.asciiValue ?? 0) >= 0x20 ? $0 : "?" })
        }
    }

    /// Escapes `text` for running text, table cells, captions and `\texttt`.
    ///
    /// - Specials `\ { } $ & # ^ _ % ~ < > |` become kernel commands; `[` and `]` are braced so
    ///   they never read as an optional argument of the command before them.
    /// - Quotes become typographic quotes (opening after a space or bracket, closing
    ///   otherwise); `--`, `,,`, ``!` `` and ``?` `` are split so they stay two characters
    ///   instead of becoming a dash, a low quote, `¡` or `¿`.
    /// - Line breaks and other whitespace become one space each; other control and format
    ///   characters (bidi overrides, zero-width joiners) are dropped.
    /// - Accented Latin letters become accent commands via canonical decomposition
    ///   (`é` → `\'{e}`, `ü` → `\"{u}`, `ç` → `\c{c}`), plus `\ss{}`, `\o{}`, `\ae{}`, ….
    /// - Anything else (CJK, Cyrillic, Greek, emoji) becomes its code points in typewriter type,
    ///   `\texttt{[U+4E2D U+6587]}` for a run of such characters. Showing how to get those
    ///   glyphs would need fonts and packages a template may lack; code points compile
    ///   everywhere and still let a reader recover the exact name.
    public static func escape(_ text: String) -> String {
        escape(text, braces: (#"\{"#, #"\}"#))
    }

    private static func escape(_ text: String, braces: (open: String, close: String)) -> String {
        var output = ""
        var fallbackRun: [Character] = []
        var previous: Character?
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            if character == "{" || character == "}" {
                flush(&fallbackRun, into: &output)
                output += character == "{" ? braces.open : braces.close
            } else if let spelled = spell(character, after: previous, before: next) {
                flush(&fallbackRun, into: &output)
                output += spelled
            } else {
                fallbackRun.append(character)
            }
            previous = character
        }
        flush(&fallbackRun, into: &output)
        return output
    }

    /// Typesets a digest such as `sha256:<64 hex>` in typewriter type with a break point after
    /// the colon and after every 8 characters, so it wraps inside a narrow `p{3cm}` column
    /// instead of running into the margin. `\allowbreak` is a kernel command; no package needed.
    public static func digest(_ hex: String) -> String {
        var pieces: [String] = []
        var body = Substring(hex)
        if let colon = hex.firstIndex(of: ":") {
            pieces.append(escape(String(hex[...colon])))
            body = hex[hex.index(after: colon)...]
        }
        while !body.isEmpty {
            pieces.append(escape(String(body.prefix(8))))
            body = body.dropFirst(8)
        }
        return #"\texttt{"# + pieces.joined(separator: #"\allowbreak{}"#) + "}"
    }

    /// The LaTeX for one character, or nil when only the code-point fallback can show it.
    private static func spell(_ character: Character, after previous: Character?, before next: Character?) -> String? {
        if character.isWhitespace {
            return character == "\u{00A0}" ? "~" : " "
        }
        if character.isInvisibleControl {
            return ""
        }
        if character.isASCII {
            return spellASCII(character, after: previous, before: next)
        }
        if let symbol = LaTeXSymbols.characters[character] {
            return symbol
        }
        return accented(character)
    }

    private static func spellASCII(_ character: Character, after previous: Character?, before next: Character?) -> String {
        switch character {
        case "\\": #"\textbackslash{}"#
        case "{": #"\{"#
        case "}": #"\}"#
        case "$": #"\$"#
        case "&": #"\&"#
        case "#": "\\#"
        case "%": #"\%"#
        case "_": #"\_"#
        case "^": #"\textasciicircum{}"#
        case "~": #"\textasciitilde{}"#
        case "<": #"\textless{}"#
        case ">": #"\textgreater{}"#
        case "|": #"\textbar{}"#
        case "[": "{[}"
        case "]": "{]}"
        case "\"": opensQuote(after: previous) ? #"\textquotedblleft{}"# : #"\textquotedblright{}"#
        case "'": opensQuote(after: previous) ? #"\textquoteleft{}"# : #"\textquoteright{}"#
        case "`": #"\textquoteleft{}"#
        case "!" where next == "`" || next == "‘", "?" where next == "`" || next == "‘":
            String(character) + "{}"
        case "-" where next == "-": "-{}"
        case "," where next == ",": ",{}"
        default: String(character)
        }
    }

    /// A quote opens at the start, after a space, or after an opening bracket or dash.
    private static func opensQuote(after previous: Character?) -> Bool {
        guard let previous else { return true }
        return previous.isWhitespace || "([{<-/".contains(previous)
    }


    /// An ASCII letter under kernel accents, e.g. `ç` → `\c{c}`, `ệ` → `\d{\^{e}}`; nil for
    /// other characters. Accents below are built from boxes and wrap anything, but TeX's
    /// `\accent` only sits on a plain character, so two accents above (`ễ`, `ǘ`) would print
    /// side by side; those take the code-point fallback rather than a wrong glyph.
    private static func accented(_ character: Character) -> String? {
        let scalars = Array(String(character).decomposedStringWithCanonicalMapping.unicodeScalars)
        guard let base = scalars.first, base.isASCII, base.properties.isAlphabetic, scalars.count > 1 else {
            return nil
        }
        let marks = scalars.dropFirst()
        guard marks.allSatisfy({ LaTeXSymbols.accents[$0] != nil }) else { return nil }
        let above = marks.filter { !LaTeXSymbols.accentsBelow.contains($0) }
        let below = marks.filter { LaTeXSymbols.accentsBelow.contains($0) }
        guard above.count <= 1 else { return nil }
        var result: String
        switch base {
        case "i" where !above.isEmpty: result = #"\i"#
        case "j" where !above.isEmpty: result = #"\j"#
        default: result = String(base)
        }
        for mark in above + below {
            result = LaTeXSymbols.accents[mark, default: ""] + "{" + result + "}"
        }
        return result
    }

    /// Writes a run of characters LaTeX cannot show as `\texttt{[U+XXXX …]}`.
    private static func flush(_ run: inout [Character], into output: inout String) {
        guard !run.isEmpty else { return }
        let points = run.flatMap(\.unicodeScalars).map(codePoint)
        output += #"\texttt{["# + points.joined(separator: " ") + "]}"
        run.removeAll()
    }

    private static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
