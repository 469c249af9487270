import Foundation
import LedgerCore
import LedgerReport
import Testing

/// Escaped text must compile with pdflatex in every supported setting. These tests fail, not
/// skip, when pdflatex is missing: CI installs TeX Live, and a silent skip would hide breakage.
@Suite struct LaTeXCompileTests {
    static let hostile = [
        #"\input{/etc/passwd}"#,
        #"#$%&~_^{}\\"#,
        #"<>|"'`"#,
        #"\end{document}"#,
        #"\def\x{\x}\x"#,
        "}{ \\\\ \\",
        "$x^2$ & 100% _under_ ~tilde~ #1",
        #"\verb|x| \catcode`\^^M=13 ^^5c"#,
        "[opt] after \\item",
        "--as-of ``quote'' ,,low !` ?`",
    ]

    static let names = [
        "Ünïcödé Straße Ærøskøbing Łódź Dvořák Erdős Ştefan Nguyễn Việt ¿Qué? ¡Sí!",
        "中文 模型",
        "Ελληνικά",
        "Модель",
        "🦙 👩‍💻 ąę þ",
        "tab\there\nnew line\u{0}nul\u{202E}bidi",
    ]

    static func digest(_ seed: Character) -> String {
        "sha256:" + String(repeating: seed, count: 64)
    }

    private static func compile(_ body: String, in setting: LaTeXSetting) async throws -> LaTeXCompiler.Output {
        try await LaTeXCompiler().compile(body, in: setting)
    }

    @Test(arguments: LaTeXSetting.allCases)
    func latexSpecialsCompileLiterally(setting: LaTeXSetting) async throws {
        let items = Self.hostile.map { #"\item "# + LaTeX.escape($0) }.joined(separator: "\n")
        let body = #"\section{"# + LaTeX.escape(#"Specials: \input{x} #$%&~_^{}"#) + "}\n"
            + LaTeX.escape(Self.hostile.joined(separator: " ")) + "\n\n"
            + #"\begin{itemize}"# + "\n" + items + "\n" + #"\end{itemize}"#
        let output = try await Self.compile(body, in: setting)
        #expect(FileManager.default.fileExists(atPath: output.pdf.path))
        #expect(!output.log.contains("(/etc/passwd"))
        output.discard()
    }

    @Test(arguments: LaTeXSetting.allCases)
    func accentedAndNonLatinNamesCompile(setting: LaTeXSetting) async throws {
        let body = #"\section{"# + LaTeX.escape(Self.names[0]) + "}\n"
            + Self.names.map(LaTeX.escape).joined(separator: "\n\n")
        let output = try await Self.compile(body, in: setting)
        #expect(FileManager.default.fileExists(atPath: output.pdf.path))
        output.discard()
    }

    @Test(arguments: LaTeXSetting.allCases)
    func digestsWrapInANarrowColumn(setting: LaTeXSetting) async throws {
        let rows = ["a", "f", "0"].map { seed in
            LaTeX.escape("checkpoint_\(seed) (Llama-3.1-8B)") + " & " + LaTeX.digest(Self.digest(seed)) + #" \\ \hline"#
        }
        let body = #"\begin{tabular}{|p{3cm}|p{3cm}|}\hline"# + "\n" + rows.joined(separator: "\n") + "\n"
            + #"\end{tabular}"#
        let output = try await Self.compile(body, in: setting)
        #expect(FileManager.default.fileExists(atPath: output.pdf.path))
        #expect(!output.log.contains("Overfull \\hbox"), "\(LaTeXCompiler.errorLines(in: output.log))")
        output.discard()
    }

    /// Shows the overfull check above can fail: a digest without break points overflows.
    @Test func unbrokenDigestOverflowsTheSameColumn() async throws {
        let body = #"\begin{tabular}{|p{3cm}|}\hline"# + "\n"
            + #"\texttt{"# + Self.digest("a") + #"} \\ \hline"# + "\n" + #"\end{tabular}"#
        let output = try await Self.compile(body, in: .article)
        #expect(output.log.contains("Overfull \\hbox"))
        output.discard()
    }

    @Test func missingPDFLaTeXFailsWithInstallInstructions() async {
        var compiler = LaTeXCompiler()
        compiler.searchPath = []
        await #expect {
            try await compiler.compile("x", in: .article)
        } throws: { error in
            "\(error)".contains("pdflatex not found on PATH; install TeX Live with: apt-get update")
        }
    }

    @Test func brokenLaTeXFailsWithTheLogErrorLines() async throws {
        let error = await #expect(throws: LaTeXCompiler.Failure.self) {
            try await LaTeXCompiler().compile(#"\undefinedcommand"#, in: .article)
        }
        let failure = try #require(error)
        #expect(failure.description.contains("! Undefined control sequence."))
        #expect(failure.description.contains(#"l.4 \undefinedcommand"#))
        if let folder = failure.folder {
            try? FileManager.default.removeItem(at: folder)
        }
    }
}
