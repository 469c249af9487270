import LedgerReport
import Testing

/// The paper's numbers from its `.aux` file: "Table 2" in text and Markdown, consecutive
/// tables as a range in every format, and the labels as written when no number is known.
@Suite struct LabelNumbersTests {
    /// What pdflatex writes: plain `\newlabel`, hyperref's five-argument form, an appendix
    /// number, a number that is a macro (left out), and an `\include`d part's aux file.
    static let aux = #"""
        \relax
        \providecommand\hyperHowToLink{}
        \newlabel{tab:main}{{1}{2}}
        \newlabel{tab:lr}{{2}{3}{Learning rates}{table.caption.2}{}}
        \newlabel{tab:steps}{{3}{4}{Steps}{table.caption.3}{}}
        \newlabel{fig:loss}{{1}{3}}
        \newlabel{tab:gemma}{{A.1}{9}}
        \newlabel{tab:clinical}{{\relax 5}{9}}
        \@input{chapters/results.aux}
        \newlabel{tab:main}{{7}{1}}
        """#

    @Test func readsNumbersAndInputs() {
        let numbers = LabelNumbers(aux: Self.aux)
        #expect(numbers["tab:main"] == "1")
        #expect(numbers["tab:lr"] == "2")
        #expect(numbers["tab:gemma"] == "A.1")
        #expect(numbers["tab:clinical"] == nil)
        #expect(numbers["fig:errors"] == nil)
        #expect(numbers.inputs == ["chapters/results.aux"])
        var merged = numbers
        merged.merge(LabelNumbers(aux: #"\newlabel{fig:errors}{{4}{5}}"# + "\n" + #"\newlabel{tab:main}{{9}{9}}"#))
        #expect(merged["fig:errors"] == "4")
        #expect(merged["tab:main"] == "1")
    }

    @Test func rejectsWhatIsNotANumber() {
        let numbers = LabelNumbers(aux: #"""
            \newlabel{a}{{\ref{b}}{1}}
            \newlabel{c}{{12345678901234567}{1}}
            \newlabel{d}{{}{1}}
            \newlabel{e
            \newlabel{f}{{2a}{1}}
            """#)
        #expect(["a", "c", "d", "e"].allSatisfy { numbers[$0] == nil })
        #expect(numbers["f"] == "2a")
    }

    static func analysis(dirty: Bool = false) throws -> DisclosureAnalysis {
        var fixture = SharedArtifactsFixture()
        fixture.dirty = dirty
        return try fixture.analysis()
    }

    @Test func textAndMarkdownNumberTablesAndJoinRanges() throws {
        let options = StatementOptions(labelNumbers: LabelNumbers(aux: Self.aux))
        let text = Statement.render(try Self.analysis(), format: .text, options: options)
        #expect(text.hasPrefix("The results in Tables 1–3 and Figure 1 (experiments ft-main, ft-lr2e-5, ft-loss,\nand ft-steps) depend on"))
        // A table the aux file does not number keeps its label, quoted as written.
        #expect(text.contains("The results in “tab:clinical” and “fig:errors” (experiments clinical and\nclinical-errors)"))
        #expect(text.contains("The results in Table A.1 and “fig:gemma-curve”"))
        let markdown = Statement.render(try Self.analysis(), format: .markdown, options: options)
        #expect(markdown.hasPrefix("The results in Tables 1–3 and Figure 1 (experiments *ft-main*"))
    }

    @Test func latexRefersToTheLabelsAndJoinsRanges() throws {
        let latex = Statement.render(try Self.analysis(), format: .latex,
                                     options: StatementOptions(labelNumbers: LabelNumbers(aux: Self.aux)))
        #expect(latex.contains(#"The results in Tables~\ref{tab:main}--\ref{tab:steps} and Figure~\ref{fig:loss} (experiments"#))
        let plain = Statement.render(try Self.analysis(), format: .latex)
        #expect(plain.contains(#"The results in Tables~\ref{tab:main}, \ref{tab:lr}, and \ref{tab:steps} and Figure~\ref{fig:loss} (experiments"#))
    }

    @Test func twoConsecutiveTablesAreNotARange() throws {
        let numbers = LabelNumbers(aux: #"\newlabel{tab:main}{{4}{1}}"# + "\n" + #"\newlabel{tab:lr}{{3}{1}}"# + "\n"
            + #"\newlabel{tab:steps}{{10}{1}}"# + "\n" + #"\newlabel{fig:loss}{{2}{1}}"#)
        let text = Statement.render(try Self.analysis(), format: .text, options: StatementOptions(labelNumbers: numbers))
        #expect(text.hasPrefix("The results in Tables 3, 4, and 10 and Figure 2 (experiments"))
    }

    /// Two labels the paper numbers alike (a subtable and its table) are one number, said once.
    @Test func aNumberSharedByTwoLabelsIsSaidOnce() throws {
        let numbers = LabelNumbers(aux: #"\newlabel{tab:main}{{1}{1}}"# + "\n" + #"\newlabel{tab:lr}{{1}{1}}"# + "\n"
            + #"\newlabel{tab:steps}{{2}{1}}"# + "\n" + #"\newlabel{fig:loss}{{2}{1}}"#)
        let text = Statement.render(try Self.analysis(), format: .text, options: StatementOptions(labelNumbers: numbers))
        #expect(text.hasPrefix("The results in Tables 1 and 2 and Figure 2 (experiments"))
    }

    /// Runs from one dirty commit: the code is stated once for all of them, so an eighth
    /// section adds only its experiment's name to that sentence.
    @Test func codeOfManyRunsIsStatedOnce() throws {
        let text = Statement.render(try Self.analysis(dirty: true), format: .text)
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        #expect(flat.components(separatedBy: "uncommitted changes").count - 1 == 1)
        #expect(flat.contains("Experiments ft-main, ft-lr2e-5, gemma-main, clinical, ft-loss, gemma-curve, clinical-errors, and ft-steps ran with uncommitted changes on top of commit 3f2a9c1e5b7d4f60a8e9b2c1d0f3e4a5b6c7d8e9; each diff has digest sha256:"))
        var seven = SharedArtifactsFixture(sectionCount: 7)
        seven.dirty = true
        let shorter = Statement.render(try seven.analysis(), format: .text)
        #expect(SharedArtifactsStatementTests.words(text) - SharedArtifactsStatementTests.words(shorter) == 3)
    }
}
