import LedgerCore

/// How one output format spells the pieces of a sentence.
protocol InlineSpelling {
    func spell(_ piece: Inline) -> String
}

extension InlineSpelling {
    /// Appended piece by piece: an array of every piece's spelling first was 3 MB for a
    /// sentence naming 100,000 experiments.
    func spell(_ sentence: Sentence) -> String {
        var out = ""
        for piece in sentence { out += spell(piece) }
        return out
    }
}

extension InlineSpelling {
    /// The items of a list of labels, in the order of their first label: the labels of one
    /// kind (`Table`) that `item` can spell together as one item, any other label quoted.
    static func referenceItems(_ labels: [String], together: (_ word: String, _ labels: [String]) -> String?,
                               quote: (String) -> String) -> String {
        var words: [String] = []
        var byWord: [String: [String]] = [:]
        for label in labels {
            guard let word = ProseFormatting.labelWord(label), ProseFormatting.isReferable(label) else { continue }
            if byWord[word] == nil { words.append(word) }
            byWord[word, default: []].append(label)
        }
        var items: [String] = []
        var done: Set<String> = []
        for label in labels {
            if let word = ProseFormatting.labelWord(label), ProseFormatting.isReferable(label),
               let item = together(word, byWord[word]!) {
                if done.insert(word).inserted { items.append(item) }
            } else {
                items.append(quote(label))
            }
        }
        return joined(items)
    }

    /// Runs of three or more consecutive numbers as a range (`first` and `last` label),
    /// others one by one, in the paper's order.
    static func rangeItems(_ labels: [String], numbers: LabelNumbers) -> [(first: String, last: String?)] {
        numbers.runs(labels).flatMap { run -> [(first: String, last: String?)] in
            run.count >= 3 ? [(run[0], run[run.count - 1])] : run.map { ($0, nil) }
        }
    }

    /// Text and Markdown: "Tables 1–3 and 5" when the paper numbers every label of the kind;
    /// otherwise nil, and each is quoted as written (no number can be known for it).
    static func numbered(word: String, _ labels: [String], numbers: LabelNumbers) -> String? {
        guard labels.allSatisfy({ numbers[$0] != nil }) else { return nil }
        let items = rangeItems(labels, numbers: numbers).map { item in
            numbers[item.first]! + (item.last.map { "–" + numbers[$0]! } ?? "")
        }
        return (labels.count == 1 ? word : ProseFormatting.plural(word)) + " " + joined(items)
    }

    /// "A", "A and B", "A, B, and C".
    static func joined(_ items: [String]) -> String {
        switch items.count {
        case 0, 1: items.first ?? ""
        case 2: items[0] + " and " + items[1]
        default: items.dropLast().joined(separator: ", ") + ", and " + items[items.count - 1]
        }
    }
}

/// LaTeX for pdflatex with the kernel only: every ledger string goes through `LaTeX.escape`,
/// digests, commits and URLs get break points so they wrap in narrow columns.
struct LaTeXSpelling: InlineSpelling {
    /// Only orders labels and joins consecutive ones into ranges; LaTeX itself prints the numbers.
    var numbers = LabelNumbers()

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
        case .label(let label): spell(.labels([label]))
        case .labels(let labels):
            Self.referenceItems(labels, together: { word, labels in
                (labels.count == 1 ? word : ProseFormatting.plural(word)) + "~" + Self.joined(
                    Self.rangeItems(labels, numbers: numbers).map { item in
                        #"\ref{"# + item.first + "}" + (item.last.map { #"--\ref{"# + $0 + "}" } ?? "")
                    })
            }, quote: { spell(.quoted($0)) })
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
    /// The paper's numbers, from its `.aux` file, for "Table 2"; empty when none was given.
    var numbers = LabelNumbers()

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
        // Without the paper's numbers "Table 2" cannot be known: the label is printed as written.
        case .label(let label): spell(.labels([label]))
        case .labels(let labels):
            Self.referenceItems(labels, together: { Self.numbered(word: $0, $1, numbers: numbers) }, quote: { spell(.quoted($0)) })
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
    /// The paper's numbers, from its `.aux` file, for "Table 2"; empty when none was given.
    var numbers = LabelNumbers()

    func spell(_ piece: Inline) -> String {
        switch piece {
        case .words(let words): words
        case .text(let text), .emphasis(let text), .code(let text), .commit(let text), .url(let text): Self.plain(text)
        case .digest(let digest): digest.description
        case .shortDigest(let digest): "sha256:" + digest.hex.prefix(12)
        // Without the paper's numbers "Table 2" cannot be known: the label is printed as written.
        case .label(let label): spell(.labels([label]))
        case .labels(let labels):
            Self.referenceItems(labels, together: { Self.numbered(word: $0, $1, numbers: numbers) }, quote: { spell(.quoted($0)) })
        case .quoted(let text): "“" + Self.plain(text) + "”"
        }
    }

    static func plain(_ text: String) -> String {
        // Printable ASCII is already plain: a whole-ledger statement spells a million words.
        if text.utf8.allSatisfy({ (0x20...0x7E).contains($0) }) { return text }
        return String(text.compactMap { character -> Character? in
            if character.isWhitespace { return " " }
            return character.isInvisibleControl ? nil : character
        })
    }
}
