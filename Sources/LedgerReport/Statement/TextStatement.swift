/// The statement as plain text wrapped at 80 columns, and the appendix as an indented list.
struct TextStatement {
    let analysis: DisclosureAnalysis
    private let spelling: TextSpelling
    static let width = 80

    init(_ analysis: DisclosureAnalysis, numbers: LabelNumbers = LabelNumbers()) {
        self.analysis = analysis
        spelling = TextSpelling(numbers: numbers)
    }

    func render(appendix: Bool) -> String {
        // Each paragraph spelled into one string and wrapped straight onto the statement: the
        // spelled sentences, their join and the wrapped copy were each a megabyte at 100,000 runs.
        var out = StatementComposer(analysis).joined(separator: "\n") { paragraph, out in
            var text = ""
            for (index, sentence) in paragraph.enumerated() {
                if index > 0 { text += " " }
                text += spelling.spell(sentence)
            }
            Self.wrap(text, onto: &out)
        }
        if appendix {
            let table = AppendixTable(analysis)
            if !table.classes.isEmpty {
                out += "\n" + Self.wrap(spelling.spell(AppendixTable.classesIntroduction))
                for entry in table.classes {
                    out += Self.wrap(spelling.spell(entry.results) + ": " + spelling.spell(entry.reproducibility), first: "- ", rest: "  ")
                }
            }
            out += "\n" + Self.wrap(spelling.spell(table.introduction)) + "\n"
            for row in table.rows {
                out += Self.wrap(spelling.spell(row.artifact), first: "- ", rest: "  ")
                out += Self.wrap("license: " + spelling.spell(row.license), first: "  ", rest: "    ")
                out += Self.wrap("availability: " + spelling.spell(row.availability), first: "  ", rest: "    ")
                out += Self.wrap("source: " + spelling.spell(row.source), first: "  ", rest: "    ")
                out += Self.wrap(spelling.spell(row.digest), first: "  ", rest: "    ")
            }
        }
        return out
    }

    /// Greedy word wrap; a word longer than the width (a digest, a URL) gets a line of its own.
    /// Written straight out, word by word: a paragraph about a section of 8,000 runs is
    /// hundreds of thousands of words, and an array of them was a fifth of the statement's peak.
    static func wrap(_ text: String, first: String = "", rest: String = "") -> String {
        var out = ""
        wrap(text, first: first, rest: rest, onto: &out)
        return out
    }

    /// `wrap`, appended to `out`.
    static func wrap(_ text: String, first: String = "", rest: String = "", onto out: inout String) {
        // Widths in characters; for ASCII that is bytes, counted as the line grows rather
        // than by walking the line again for every word.
        let ascii = [text, first, rest].allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }
        func width(_ text: some StringProtocol) -> Int { ascii ? text.utf8.count : text.count }
        var line = ""
        var lineWidth = 0
        var wrapped = false
        forEachWord(in: text) { word in
            let wordWidth = width(word)
            if line.isEmpty {
                line = (wrapped ? rest : first) + word
                lineWidth = width(line)
            } else if lineWidth + 1 + wordWidth <= Self.width {
                line += " " + word
                lineWidth = ascii ? lineWidth + 1 + wordWidth : line.count
            } else {
                out += line + "\n"
                wrapped = true
                line = rest + word
                lineWidth = width(line)
            }
        }
        if !line.isEmpty { out += line + "\n" }
    }

    /// The words of `text` between spaces, in order. ASCII is split on the byte; other text
    /// by Character, where a space followed by a combining mark is one character, not a break.
    private static func forEachWord(in text: String, _ body: (Substring) -> Void) {
        var start: String.Index?
        func visit(_ index: String.Index, isSpace: Bool) {
            if isSpace {
                if let from = start { body(text[from..<index]) }
                start = nil
            } else if start == nil {
                start = index
            }
        }
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            for index in text.utf8.indices { visit(index, isSpace: text.utf8[index] == UInt8(ascii: " ")) }
        } else {
            for index in text.indices { visit(index, isSpace: text[index] == " ") }
        }
        if let from = start { body(text[from...]) }
    }
}
