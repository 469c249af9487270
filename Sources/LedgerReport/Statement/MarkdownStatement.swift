/// The statement as Markdown paragraphs (a sentence per line, as in LaTeX), and the
/// appendix as a GitHub table.
struct MarkdownStatement {
    let analysis: DisclosureAnalysis
    private let spelling: MarkdownSpelling

    init(_ analysis: DisclosureAnalysis, numbers: LabelNumbers = LabelNumbers()) {
        self.analysis = analysis
        spelling = MarkdownSpelling(numbers: numbers)
    }

    func render(appendix: Bool) -> String {
        var out = StatementComposer(analysis).joined(separator: "\n") { $1 += $0.map(spelling.spell).joined(separator: "\n") + "\n" }
        if appendix {
            let table = AppendixTable(analysis)
            if !table.classes.isEmpty {
                out += "\n" + spelling.spell(AppendixTable.classesIntroduction) + "\n\n"
                for entry in table.classes {
                    out += "- " + spelling.spell(entry.results) + ": " + spelling.spell(entry.reproducibility) + "\n"
                }
            }
            out += "\n" + spelling.spell(table.introduction) + "\n\n"
            out += "| " + AppendixTable.headers.joined(separator: " | ") + " |\n"
            out += "|" + String(repeating: " --- |", count: AppendixTable.headers.count) + "\n"
            for row in table.rows {
                let cells = [row.artifact, row.license, row.availability, row.source, row.digest].map(spelling.spell)
                out += "| " + cells.joined(separator: " | ") + " |\n"
            }
        }
        return out
    }
}
