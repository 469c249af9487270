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
        var out = StatementComposer(analysis).joined(separator: "\n") { Self.wrap($0.map(spelling.spell).joined(separator: " ")) }
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
    static func wrap(_ text: String, first: String = "", rest: String = "") -> String {
        var lines: [String] = []
        var line = ""
        // ASCII is split on the byte; other text by Character, where a space followed by a
        // combining mark is one character, not a break.
        let words = text.utf8.allSatisfy { $0 < 0x80 }
            ? text.utf8.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: true).map { Substring($0) }
            : text.split(separator: " ", omittingEmptySubsequences: true)
        for word in words {
            if line.isEmpty {
                line = (lines.isEmpty ? first : rest) + word
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = rest + word
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.map { $0 + "\n" }.joined()
    }
}
