/// The LaTeX spellings `LaTeX.escape` may emit for non-ASCII text.
///
/// Every entry is defined by the LaTeX kernel for the default OT1 encoding as well as T1, so
/// the output compiles in a bare `article` and in publisher classes without loading a package.
/// (The ogonek `\k` and the Icelandic/Croatian letters `\th`, `\dh`, `\dj` exist only in T1 and
/// are therefore absent: such characters take the code-point fallback.)
enum LaTeXSymbols {
    /// Characters with a fixed spelling, checked before decomposition (`å` reads better as
    /// `\aa{}` than as `\r{a}`).
    static let characters: [Character: String] = [
        "ß": #"\ss{}"#, "ø": #"\o{}"#, "Ø": #"\O{}"#, "æ": #"\ae{}"#, "Æ": #"\AE{}"#,
        "œ": #"\oe{}"#, "Œ": #"\OE{}"#, "å": #"\aa{}"#, "Å": #"\AA{}"#, "ł": #"\l{}"#, "Ł": #"\L{}"#,
        "ı": #"\i{}"#, "ȷ": #"\j{}"#,
        "¡": #"\textexclamdown{}"#, "¿": #"\textquestiondown{}"#,
        "‘": #"\textquoteleft{}"#, "’": #"\textquoteright{}"#,
        "“": #"\textquotedblleft{}"#, "”": #"\textquotedblright{}"#,
        "–": #"\textendash{}"#, "—": #"\textemdash{}"#, "…": #"\ldots{}"#,
        "§": #"\S{}"#, "¶": #"\P{}"#, "©": #"\copyright{}"#, "®": #"\textregistered{}"#,
        "™": #"\texttrademark{}"#, "†": #"\dag{}"#, "‡": #"\ddag{}"#, "£": #"\pounds{}"#,
        "•": #"\textbullet{}"#,
        "×": #"\ensuremath{\times}"#, "÷": #"\ensuremath{\div}"#, "±": #"\ensuremath{\pm}"#,
        "−": #"\ensuremath{-}"#, "≤": #"\ensuremath{\leq}"#, "≥": #"\ensuremath{\geq}"#,
        "≠": #"\ensuremath{\neq}"#, "≈": #"\ensuremath{\approx}"#, "→": #"\ensuremath{\rightarrow}"#,
        "←": #"\ensuremath{\leftarrow}"#, "°": #"\ensuremath{^\circ}"#, "·": #"\ensuremath{\cdot}"#,
        "µ": #"\ensuremath{\mu}"#,
    ]

    /// Combining marks (after canonical decomposition) and the accent command that draws them.
    static let accents: [Unicode.Scalar: String] = [
        "\u{0300}": #"\`"#, "\u{0301}": #"\'"#, "\u{0302}": #"\^"#, "\u{0303}": #"\~"#,
        "\u{0304}": #"\="#, "\u{0306}": #"\u"#, "\u{0307}": #"\."#, "\u{0308}": #"\""#,
        "\u{030A}": #"\r"#, "\u{030B}": #"\H"#, "\u{030C}": #"\v"#,
        "\u{0323}": #"\d"#, "\u{0327}": #"\c"#, "\u{0331}": #"\b"#,
    ]

    /// Accents drawn below the letter keep the dot of `i` and `j`; the others replace it.
    static let accentsBelow: Set<Unicode.Scalar> = ["\u{0323}", "\u{0327}", "\u{0331}"]
}
