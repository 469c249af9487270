import Foundation
import LedgerCore
@testable import LedgerExport
import Testing
import TestSupport

@Suite struct BibTeXExporterTests {
    @Test func exactBytesForTheFixture() throws {
        let bibtex = try export(try Fixture.snapshot(), format: .bibtex)
        #expect(bibtex == ##"""
            % Checkpoints and datasets recorded in ledger main; written by repro export --format bibtex.

            @misc{llama-3-1-8b,
              title = {{Llama-3.1-8B}},
              howpublished = {https://huggingface.co/meta-llama/Llama-3.1-8B/tree/0e9e39f249a16976918f6564b8830bc894c89659},
              url = {https://huggingface.co/meta-llama/Llama-3.1-8B/tree/0e9e39f249a16976918f6564b8830bc894c89659},
              urldate = {2025-01-10},
              year = {2025},
              note = {SHA-256 5c28278640b8965c\allowbreak{}bc4cf357c5103aae\allowbreak{}ae085bba2213bf65\allowbreak{}3643e7604d27d5d0; revision 0e9e39f249a16976918f6564b8830bc894c89659; license llama3.1; withdrawn as of 2025-03-01; copy retained by the authors as of 2025-03-01},
              key = {Llama-3.1-8B}
            }

            @misc{c4-en-sample,
              title = {{c4-en-sample}},
              howpublished = {https://huggingface.co/datasets/allenai/c4/tree/1588ec454efa1a09f29cd18ddd04fe05fc8653a2},
              url = {https://huggingface.co/datasets/allenai/c4/tree/1588ec454efa1a09f29cd18ddd04fe05fc8653a2},
              urldate = {2025-01-10},
              year = {2025},
              note = {SHA-256 f41851f9be443b5c\allowbreak{}1458f5a283263fb4\allowbreak{}7e4c9c971360a71f\allowbreak{}2615f1cf58b5a048; revision 1588ec454efa1a09f29cd18ddd04fe05fc8653a2; license odc-by},
              key = {c4-en-sample}
            }

            @misc{clinical-notes-50-3-co-v2-quoted-x-y,
              title = {{Clinical \textbraceleft{}notes\textbraceright{} 50\% \#3 \& co\_v2 \textasciitilde{}\textasciicircum{}\textbackslash{}\$ \textquotedblleft{}quoted\textquotedblright{} {[}x{]} \textless{}y\textgreater{}}},
              year = {2025},
              note = {SHA-256 a16baa77ebd14fde\allowbreak{}4d5b43479fca66de\allowbreak{}50dcd9967a1510b2\allowbreak{}f9984620bcac1330; license LicenseRef-clinical-dua; private as of 2024-12-01},
              key = {Clinical notes 50 3 co v2 quoted x y}
            }

            @misc{llama-3-1-8b-clinical-sft,
              title = {{llama-3.1-8b-clinical-sft}},
              howpublished = {https://example.org/models/sft?v=1\#weights\%20100\%25},
              url = {https://example.org/models/sft?v=1\#weights\%20100\%25},
              urldate = {2025-02-01},
              year = {2025},
              note = {SHA-256 fd12c6a530e50e62\allowbreak{}3ce0e078e61ce599\allowbreak{}94116819a4b432cd\allowbreak{}e10fa103a5e9279a; license llama3.1 AND LicenseRef-clinical-dua},
              key = {llama-3.1-8b-clinical-sft}
            }

            """##)
    }

    @Test func availabilityFollowsTheAsOfDay() throws {
        let bibtex = try export(try Fixture.snapshot(), format: .bibtex, options: ExportOptions(asOf: "2025-02-15"))
        #expect(bibtex.hasPrefix("% Checkpoints and datasets recorded in ledger main; written by repro export --format bibtex.\n"
            + "% Availability as of 2025-02-15.\n"))
        #expect(!bibtex.contains("withdrawn"))
        #expect(bibtex.contains("license llama3.1}"))
    }

    @Test func bytesDependOnlyOnTheRecordsAndOptions() throws {
        #expect(try export(try Fixture.snapshot(shuffled: true), format: .bibtex)
            == export(try Fixture.snapshot(), format: .bibtex))
    }

    @Test func keysStayUniqueAndStable() {
        let first = ExportedArtifact(digest: Digest.of("one"), name: "Llama 3.1 (8B)")
        let second = ExportedArtifact(digest: Digest.of("two"), name: "llama-3.1-8b")
        let third = ExportedArtifact(digest: Digest.of("three"), name: "%%%")
        let keys = BibTeXKeys.assign([first, second, third])
        #expect(keys[first.digest] == "llama-3-1-8b")
        #expect(keys[second.digest] == "llama-3-1-8b-" + String(Digest.of("two").hex.prefix(8)))
        #expect(keys[third.digest] == "artifact")
        #expect(BibTeXKeys.key(for: "Café Ωmega") == "cafe-mega")
    }

    @Test func sortKeysAreSafeInNatbibLabels() {
        #expect(BibTeXExporter.sortKey("a [b] (c) {d} \\e", fallback: "k") == "a b c d e")
        #expect(BibTeXExporter.sortKey("Café", fallback: "k") == "Cafe")
        #expect(BibTeXExporter.sortKey("<>", fallback: "k") == "k")
    }

    /// Runs the entries through BibTeX and pdfLaTeX in a plain `article` (plain style) and with
    /// natbib and hyperref (plainnat, as conference templates do); any error or warning fails.
    @Test(arguments: ["plain", "plainnat"])
    func compilesWithBibTeXAndLaTeX(style: String) throws {
        try ExternalTools.require(\.bibtex)
        let accented = ArtifactRecord(
            digest: Digest.of("accented"), name: "Café Ωmega 中文 naïve Łódź–set", kind: .dataset, layout: .file, size: 1,
            fileCount: 1, sources: [.url("https://example.org/données/{set}")], license: "cc-by-4.0", derivedFrom: [],
            recordedAt: "2025-01-11T00:00:00Z", recordedBy: Fixture.ada)
        let snapshot = try Fixture.snapshot(Fixture.records + [.artifact(accented)])
        let folder = try TemporaryFolder("bibtex")
        try folder.write("refs.bib", try export(snapshot, format: .bibtex))
        let packages = style == "plainnat" ? "\\usepackage{natbib}\n\\usepackage{hyperref}\n" : ""
        try folder.write("paper.tex", """
            \\documentclass{article}
            \(packages)\\begin{document}
            Text.\\nocite{*}
            \\bibliographystyle{\(style)}
            \\bibliography{refs}
            \\end{document}

            """)
        let latex = "pdflatex -interaction=nonstopmode -halt-on-error paper >/dev/null"
        let result = try Subprocess.shell("\(latex) && bibtex paper && \(latex) && \(latex)", in: folder.path)
        let log = (try? String(contentsOfFile: folder.child("paper.log"), encoding: .utf8)) ?? ""
        let errors = log.split(separator: "\n").filter { $0.hasPrefix("!") || $0.contains("Warning") }
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)\n\(errors.joined(separator: "\n"))")
        #expect(!result.stdout.contains("Warning--"), "\(result.stdout)")
        #expect(errors.isEmpty, "\(errors.joined(separator: "\n"))")
        let bbl = try String(contentsOfFile: folder.child("paper.bbl"), encoding: .utf8)
        #expect(bbl.contains("clinical-notes-50-3-co-v2-quoted-x-y"))
    }
}
