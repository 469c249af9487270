import Foundation
import LedgerCore
import LedgerReport
import Testing

/// LaTeX, Markdown and text say the same things: stripped of markup, the three statements
/// are the same text, and every artifact and digest appears in each appendix.
@Suite struct FormatAgreementTests {
    static func plainLaTeX(_ latex: String) -> String {
        var text = latex.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("%") }.joined(separator: "\n")
        // LaTeX refers to a label (Table~\ref{tab:main}); text and Markdown quote it as written.
        text = text.replacing(/[A-Za-z]*~\\ref\{([^}]*)\}/) { "“" + $0.1 + "”" }
        for (markup, plain) in [(#"\allowbreak{}"#, ""), (#"{\sloppy\raggedbottom\rightskip=0pt plus 4em\relax"#, ""), (#"{\raggedbottom"#, ""), (#"\par\penalty0}"#, ""), (#"\par}"#, ""),
                                (#"\textquotedblleft{}"#, "“"), (#"\textquotedblright{}"#, "”"),
                                (#"\textquoteright{}"#, "'"), (#"\texttt{"#, ""), (#"\emph{"#, ""),
                                ("}", "")] {
            text = text.replacingOccurrences(of: markup, with: plain)
        }
        return normalized(text)
    }

    static func plainMarkdown(_ markdown: String) -> String {
        normalized(markdown.filter { !"`*<>".contains($0) })
    }

    static func normalized(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    @Test(arguments: [nil, "2025-01-01"] as [CalendarDay?])
    func theThreeStatementsAreTheSameText(asOf: CalendarDay?) throws {
        let analysis = try DisclosureFixture().analysis(DisclosureOptions(asOf: asOf, verification: [DisclosureFixture.c4: false]))
        let latex = Self.plainLaTeX(Statement.render(analysis, format: .latex))
        let markdown = Self.plainMarkdown(Statement.render(analysis, format: .markdown))
        let text = Self.normalized(Statement.render(analysis, format: .text))
        #expect(latex == text)
        #expect(markdown == text)
        for limitation in analysis.distinctLimitations {
            if let artifact = limitation.artifact { #expect(text.contains(artifact.name)) }
        }
    }

    @Test(arguments: [DisclosureFormat.latex, .markdown, .text])
    func everyAppendixListsEveryArtifactWithItsFullDigest(format: DisclosureFormat) throws {
        let analysis = try DisclosureFixture().analysis()
        let rendered = Statement.render(analysis, format: format, options: StatementOptions(appendix: true))
            .replacingOccurrences(of: #"\allowbreak{}"#, with: "")
            .replacingOccurrences(of: #"}\newline\hspace*{0pt}\texttt{"#, with: "")
        let appendix = String(rendered[rendered.range(of: "The artifacts behind these results")!.lowerBound...])
        for artifact in analysis.artifacts {
            #expect(appendix.contains(artifact.name))
            #expect(appendix.contains(artifact.digest.description))
        }
    }
}
