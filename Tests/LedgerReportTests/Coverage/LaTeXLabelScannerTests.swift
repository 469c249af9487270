import Testing
@testable import LedgerReport

/// The scanner sees labels and inputs as LaTeX does: not in comments, not in comment or
/// verbatim environments, with the environments open around them.
@Suite struct LaTeXLabelScannerTests {
    @Test func findsLabelsWithTheirEnvironmentsAndSkipsComments() {
        let scan = LaTeXLabelScanner.scan(#"""
            \documentclass{article}
            \begin{document}
            \section{Results}\label{sec:results}
            \begin{table*}[t]
              \caption{Main results}\label{tab:main} % \label{tab:old}
              \begin{tabular}{ll} 50\% & x \\ \end{tabular}
            \end{table*}
            % \begin{figure}\label{fig:gone}\end{figure}
            \begin{comment}
            \begin{figure}\label{fig:commented}\end{figure}
            \input{hidden}
            \end{comment}
            \verb|\label{fig:verb}| 100\%\label{eq:after-percent}
            \begin{figure}\begin{subfigure}{.5\linewidth}\label{fig:sub}\end{subfigure}\end{figure}
            \input{sections/method}\include{appendix}\input extra
            \includegraphics{plot}
            \end{document}
            """#)
        #expect(scan.labels.map(\.name) == ["sec:results", "tab:main", "eq:after-percent", "fig:sub"])
        #expect(scan.labels.map(\.line) == [3, 5, 13, 14])
        #expect(scan.labels.map(\.environments) == [[], ["table*"], [], ["figure", "subfigure"]])
        #expect(scan.labels[0].sectioning == "section")
        #expect(scan.inclusions.map(\.target) == ["sections/method", "appendix", "extra"])
        #expect(scan.inclusions.map(\.command) == ["input", "include", "input"])
        #expect(scan.inclusions.map(\.line) == [15, 15, 15])
    }

    @Test func classifiesOnlyMarkedEnvironments() {
        let labels = LaTeXLabelScanner.scan(#"""
            \section{A}\label{sec:a}
            \begin{equation}x\label{eq:x}\end{equation}
            \begin{figure*}\label{fig:wide}\end{figure*}
            """#).labels
        let marked: Set<String> = ["table", "figure"]
        #expect(labels.map { CoverageReport.kind(of: $0, marked: marked) } == [nil, nil, "figure*"])
        let more: Set<String> = ["table", "figure", "section", "equation"]
        #expect(labels.map { CoverageReport.kind(of: $0, marked: more) } == ["section", "equation", "figure*"])
    }

    @Test func anUnclosedArgumentDoesNotLoopOrCrash() {
        let scan = LaTeXLabelScanner.scan("\\begin{table}\\label{tab:x")
        #expect(scan.labels.map(\.name) == ["tab:x"])
        #expect(LaTeXLabelScanner.scan("\\").labels.isEmpty)
        #expect(LaTeXLabelScanner.scan("\\begin{comment} \\label{a}").labels.isEmpty)
    }
}
