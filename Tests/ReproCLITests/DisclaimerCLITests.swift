import Foundation
import Testing
import TestSupport

/// `repro disclaimer`, `repro checklist` and `repro license` as a researcher runs them in a
/// paper repository: statement file, lint exit code, bad scope, and a real pdflatex compile.
@Suite struct DisclaimerCLITests {
    let repo: PaperRepository

    init() throws {
        repo = try PaperRepository()
        try repo.folder.write("models/base/model.safetensors", "base weights")
        try repo.folder.write("models/ft/model.safetensors", "fine-tuned weights")
        try repo.folder.write("data/notes.csv", "id,text\n1,confidential\n")
        try repo.folder.write("licenses/dua.json", #"""
            {"id": "acme-dua", "name": "ACME Data Use Agreement", "commercialUse": {"status": "forbidden"},
             "forbidsRedistributionOfWeights": true}
            """#)
        try repo.git("add", "-A")
        try repo.git("commit", "-q", "-m", "paper")
        try succeed("init")
        try succeed("track", "models/base", "--name", "Llama-3.1-8B", "--kind", "checkpoint", "--license", "llama3.1",
                    "--hf", "meta-llama/Llama-3.1-8B@0e9e39f")
        try succeed("track", "models/ft", "--name", "acme-ft", "--kind", "checkpoint", "--license", "llama3.1",
                    "--derived-from", "Llama-3.1-8B")
        try succeed("license", "add", "licenses/dua.json")
        try succeed("track", "data/notes.csv", "--name", "ward-notes", "--kind", "dataset", "--license", "LicenseRef-acme-dua")
        try succeed("availability", "Llama-3.1-8B", "gated", "--as-of", "2024-07-23", "--evidence", "https://huggingface.co/meta-llama/Llama-3.1-8B")
        try succeed("availability", "Llama-3.1-8B", "withdrawn", "--as-of", "2025-07-23", "--evidence", "https://example.org/withdrawn")
        try succeed("availability", "Llama-3.1-8B", "retained", "--as-of", "2025-08-01")
        try succeed("availability", "ward-notes", "private", "--as-of", "2024-03-01")
        try succeed("tag", "ablation", "--uses", "acme-ft", "ward-notes", "--section", "tab:ablation")
    }

    @discardableResult
    func succeed(_ arguments: String...) throws -> Subprocess.Result {
        let result = try ReproBinary.run(arguments, in: repo.path, environment: PaperRepository.environment)
        #expect(result.status == 0, "repro \(arguments.joined(separator: " ")): \(result.stderr)")
        return result
    }

    func run(_ arguments: String...) throws -> Subprocess.Result {
        try ReproBinary.run(arguments, in: repo.path, environment: PaperRepository.environment)
    }

    @Test func writesTheLaTeXStatementAndExitsOneOnALintError() throws {
        try FileManager.default.createDirectory(atPath: repo.folder.child("paper"), withIntermediateDirectories: true)
        let result = try run("disclaimer", "--format", "latex", "--appendix", "-o", "paper/statement.tex")
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("repro: lint error [derivative-name]: acme-ft (sha256:"))
        #expect(result.stderr.contains(#"requires a distributed derivative model's name to begin with "Llama""#))
        let statement = try String(contentsOfFile: repo.folder.child("paper/statement.tex"), encoding: .utf8)
        #expect(statement.contains(#"The results in Table~\ref{tab:ablation} (experiment \emph{ablation}) depend on acme-ft"#))
        #expect(statement.contains("Llama-3.1-8B was withdrawn from public distribution on 23 July 2025"))
        #expect(statement.contains("The authors retain a copy of Llama-3.1-8B with this digest (recorded on 1 August 2025)."))
        #expect(statement.contains("is licensed under the ACME Data Use Agreement, which does not permit redistributing"))
        #expect(statement.contains("As of 1 March 2024, ward-notes is private and not publicly available."))

        // Same ledger, same bytes, on stdout too; no temporary files left beside the output.
        let again = try run("disclaimer", "--format", "latex", "--appendix")
        #expect(again.status == 1)
        #expect(again.stdout == statement)
        #expect(try FileManager.default.contentsOfDirectory(atPath: repo.folder.child("paper")) == ["statement.tex"])

        try repo.folder.write("paper/main.tex", "\\documentclass{article}\n\\begin{document}\n\\input{statement}\n\\end{document}\n")
        let pdflatex = try Subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "main.tex"],
                                          in: repo.folder.child("paper"))
        #expect(pdflatex.status == 0, "\(pdflatex.stdout.split(separator: "\n").filter { $0.hasPrefix("!") })")
        #expect(FileManager.default.fileExists(atPath: repo.folder.child("paper/main.pdf")))
    }

    /// The paper's aux file numbers the table in text; an \include'd part's aux file is read
    /// too; an aux file outside the paper's folder is not; a missing one is bad input.
    @Test func auxFileNumbersTheTables() throws {
        try repo.folder.write("paper/paper.aux", "\\relax\n\\@input{part.aux}\n\\@input{../outside.aux}\n")
        try repo.folder.write("paper/part.aux", "\\newlabel{tab:ablation}{{3}{7}{Ablation}{table.caption.3}{}}\n")
        try repo.folder.write("outside.aux", "\\newlabel{tab:other}{{9}{1}}\n")
        let numbered = try run("disclaimer", "--format", "text", "--aux", "paper/paper.aux")
        #expect(numbered.stdout.hasPrefix("The results in Table 3 (experiment ablation) depend on acme-ft"))
        let plain = try run("disclaimer", "--format", "text")
        #expect(plain.stdout.hasPrefix("The results in “tab:ablation” (experiment ablation) depend on acme-ft"))

        let missing = try run("disclaimer", "--aux", "paper/missing.aux")
        #expect(missing.status == 2)
        #expect(missing.stdout == "")
        #expect(missing.stderr == "repro: error: cannot read the aux file \"paper/missing.aux\": No such file or directory; "
            + "run pdflatex on the paper first, or leave out --aux\n")
    }

    @Test func renamingTheDerivedModelClearsTheLint() throws {
        // A day later: the newest record of a digest gives its name.
        let rename = try repo.repro("track", "models/ft", "--name", "Llama-acme-ft", "--kind", "checkpoint",
                                    "--license", "llama3.1", "--derived-from", "Llama-3.1-8B",
                                    environment: ["SOURCE_DATE_EPOCH": "1767312000"])
        #expect(rename.status == 0, "\(rename.stderr)")
        let result = try run("disclaimer", "--format", "markdown")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "")
        #expect(result.stdout.contains("depend on Llama-acme-ft (`sha256:"))
    }

    @Test func asOfBeforeTheWithdrawalStatesGatedAccess() throws {
        let result = try run("disclaimer", "--format", "text", "--as-of", "2025-01-01")
        #expect(result.status == 1)
        let text = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(text.contains("As of 23 July 2024, access to Llama-3.1-8B is gated"))
        #expect(!text.contains("withdrawn"))
        #expect(text.contains("Availability is stated as of 1 January 2025."))
    }

    @Test(arguments: [
        (["--experiment", "ablaton"], #"no experiment named "ablaton" in the chosen ledgers; did you mean "ablation"?"#),
        (["--section", "tab:ablatoin"], #"did you mean "tab:ablation"?"#),
        (["--as-of", "2025-02-30"], #"Error: The value '2025-02-30' is invalid for '--as-of <YYYY-MM-DD>': invalid date "2025-02-30""#),
        (["--ledger", "paper2"], #"no ledger named "paper2""#),
        (["--format", "pdf"], "Error: The value 'pdf' is invalid for '--format <format>'. Please provide one of 'latex', 'markdown', 'text' or 'json'."),
        (["--format", "markdown", "--macros"], "--macros defines LaTeX commands"),
    ])
    func badScopeIsExitTwoWithSuggestions(arguments: [String], message: String) throws {
        let result = try ReproBinary.run(["disclaimer"] + arguments, in: repo.path, environment: PaperRepository.environment)
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func verifyStatesACopyThatNoLongerMatches() throws {
        #expect(try run("disclaimer").stdout.contains("no longer matched") == false)
        try repo.folder.write("data/notes.csv", "id,text\n1,edited\n")
        let result = try run("disclaimer", "--verify", "--format", "markdown")
        #expect(result.status == 1)
        #expect(result.stdout.contains("When this statement was generated, the authors' copy of ward-notes no longer matched the recorded digest."))
    }

    @Test func jsonIsTheAnalysis() throws {
        let result = try run("disclaimer", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "repro.disclosure/1")
        #expect((object["lints"] as? [Any])?.count == 1)
        #expect((object["groups"] as? [[String: Any]])?.first?["section"] as? String == "tab:ablation")
    }

    @Test func checklistAnswersFromTheLedger() throws {
        let result = try succeed("checklist", "--venue", "acl", "--format", "json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let items = try #require(object["items"] as? [[String: Any]])
        #expect(items.map { $0["id"] as? String } == ["A1", "B1", "B2", "B3", "B4", "B5"])
        #expect(items.first { $0["id"] as? String == "B4" }?["answer"] as? String == "No")
        let neurips = try succeed("checklist", "--venue", "neurips", "--format", "markdown")
        #expect(neurips.stdout.contains("**Answer: Partial.** Access is limited for Llama-3.1-8B (withdrawn on 23 July 2025; the authors retain a copy)"))
        #expect(try run("checklist", "--venue", "icml").status == 2)
    }

    @Test func licensesIncludeTheLedgersOwn() throws {
        let show = try succeed("license", "show", "LicenseRef-acme-dua")
        #expect(show.stdout.hasPrefix("acme-dua  ACME Data Use Agreement\n"))
        #expect(show.stdout.contains("defined in:           ledger main"))
        let list = try succeed("license", "list", "--json")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        #expect(entries.count == 32)
        let unknown = try run("license", "show", "lama3.1")
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains(#"did you mean "llama3.1""#))
    }
}
