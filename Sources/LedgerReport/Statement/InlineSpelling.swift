import LedgerCore

/// How one output format spells the pieces of a sentence.
protocol InlineSpelling {
    func spell(_ piece: Inline) -> String
}

extension InlineSpelling {
    func spell(_ sentence: Sentence) -> String { sentence.map(spell).joined() }
}

/// LaTeX for pdflatex with the kernel only: every ledger string goes through `LaTeX.escape`,
/// digests, commits and URLs get break points so they wrap in narrow columns.
struct LaTeXSpelling: InlineSpelling {
    func spell(_ piece: Inline) -> String {
        switch piece {
        case .words(let words): LaTeX.escape(words)
        case .text(let text): Self.hasLongWord(text) ? Self.breakableText(text) : LaTeX.escape(text)
        case .emphasis(let text): #"\emph{"# + (Self.hasLongWord(text) ? Self.breakableText(text) : LaTeX.escape(text)) + "}"
        case .digest(let digest): LaTeX.digest(digest.description)
        case .shortDigest(let digest): #"\texttt{sha256:"# + digest.hex.prefix(12) + "}"
        case .code(let code): Self.breakable(code, after: "/@-_.")
        case .commit(let commit): LaTeX.digest(commit)
        case .url(let url): Self.breakable(url, after: "/.-_?&=#:")
        case .label(let label): (ProseFormatting.labelWord(label) ?? "") + #"~\ref{"# + label + "}"
        case .quoted(let text): #"\textquotedblleft{}"# + LaTeX.escape(text) + #"\textquotedblright{}"#
        }
    }

    /// Typewriter text that may break after any of `breaks` (URLs, long file names).
    static func breakable(_ text: String, after breaks: String) -> String {
        #"\texttt{"# + pieces(text, after: breaks).map(LaTeX.escape).joined(separator: #"\allowbreak{}"#) + "}"
    }

    /// Names longer than this without a space get break points, so running text does not
    /// run into the margin or the next column; shorter ones stay as written.
    static let longWord = 20

    static func hasLongWord(_ text: String) -> Bool {
        text.split(whereSeparator: \.isWhitespace).contains { $0.count > longWord }
    }

    /// Running text that may break after any of `breaks` (names in table cells).
    static func breakableText(_ text: String, after breaks: String = "-_./") -> String {
        pieces(text, after: breaks).map(LaTeX.escape).joined(separator: #"\allowbreak{}"#)
    }

    private static func pieces(_ text: String, after breaks: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if breaks.contains(character) {
                pieces.append(current)
                current = ""
            }
        }
        if !current.isEmpty || pieces.isEmpty { pieces.append(current) }
        return pieces
    }
}

/// CommonMark / GitHub Markdown: ledger strings through `Markdown.escape`, digests and
/// commits as code spans, URLs as autolinks when they can be.
struct MarkdownSpelling: InlineSpelling {
    func spell(_ piece: Inline) -> String {
        switch piece {
        case .words(let words): words
        case .text(let text): Markdown.escape(text)
        case .emphasis(let text):
            Markdown.escape(text).isEmpty ? "" : "*" + Markdown.escape(text) + "*"
        case .digest(let digest): "`\(digest)`"
        case .shortDigest(let digest): "`sha256:\(digest.hex.prefix(12))`"
        case .code(let code), .commit(let code): Self.codeSpan(code)
        case .url(let url):
            url.contains(where: { $0.isWhitespace || "<>`".contains($0) || $0.isInvisibleControl }) ? Markdown.escape(url) : "<\(url)>"
        // No caption map: "Table 2" cannot be known, so the label is printed as written.
        case .label(let label): "“" + Markdown.escape(label) + "”"
        case .quoted(let text): "“" + Markdown.escape(text) + "”"
        }
    }

    /// A code span, or escaped text when the content holds a backtick.
    static func codeSpan(_ text: String) -> String {
        text.contains("`") || text.isEmpty ? Markdown.escape(text) : "`\(text)`"
    }
}

/// Plain UTF-8 text: ledger strings with line breaks and invisible controls removed.
struct TextSpelling: InlineSpelling {
    func spell(_ piece: Inline) -> String {
        switch piece {
        case .words(let words): words
        case .text(let text), .emphasis(let text), .code(let text), .commit(let text), .url(let text): Self.plain(text)
        case .digest(let digest): digest.description
        case .shortDigest(let digest): "sha256:" + digest.hex.prefix(12)
        // No caption map: "Table 2" cannot be known, so the label is printed as written.
        case .label(let label): "“" + Self.plain(label) + "”"
        case .quoted(let text): "“" + Self.plain(text) + "”"
        }
    }

    static func plain(_ text: String) -> String {
        String(text.compactMap { character -> Character? in
            if character.isWhitespace { return " " }
            return character.isInvisibleControl ? nil : character
        })
    }
}
