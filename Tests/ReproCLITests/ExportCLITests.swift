import Foundation
import Testing
import TestSupport

/// `repro export` and `repro graph` on a real ledger, checked by the official tools.
@Suite struct ExportCLITests {
    let repo: PaperRepository

    init() throws {
        repo = try PaperRepository()
        try repo.repro("init")
        try repo.folder.write("base/config.json", "{}\n")
        try repo.folder.write("corpus.jsonl", "{\"text\": \"hi\"}\n")
        try repo.folder.write("ft.bin", "fine-tuned")
        try #require(try repo.repro("track", "base", "--name", "Llama-3.1-8B", "--kind", "checkpoint", "--license", "llama3.1",
                                    "--hf", "meta-llama/Llama-3.1-8B@d04e592").status == 0)
        try #require(try repo.repro("track", "corpus.jsonl", "--name", "corpus", "--kind", "dataset", "--license", "ODC-By-1.0").status == 0)
        try #require(try repo.repro("availability", "Llama-3.1-8B", "withdrawn", "--as-of", "2026-03-02").status == 0)
        try #require(try repo.repro("tag", "finetune", "--uses", "Llama-3.1-8B", "corpus", "--produces", "Llama-3.1-8B-ft=ft.bin",
                                    "--produces-kind", "checkpoint", "--derived-from", "Llama-3.1-8B").status == 0)
    }

    @Test func cycloneDXPassesTheOfficialValidator() throws {
        let result = try repo.repro("export", "--format", "cyclonedx", "-o", "sbom.cdx.json")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "")
        let check = try Subprocess.run(["python3", "-c", """
            import sys
            from cyclonedx.validation.json import JsonStrictValidator
            from cyclonedx.schema import SchemaVersion
            error = JsonStrictValidator(SchemaVersion.V1_6).validate_str(open(sys.argv[1]).read())
            print(error or "valid")
            """, repo.folder.child("sbom.cdx.json")])
        #expect(check.stdout == "valid\n", "\(check.stdout)\(check.stderr)")
        // Same ledger, same bytes.
        #expect(try repo.repro("export", "--format", "cyclonedx").stdout
                == String(decoding: try Data(contentsOf: URL(fileURLWithPath: repo.folder.child("sbom.cdx.json"))), as: UTF8.self))
    }

    /// `-o -` is standard output for every command that writes a document, never a file named `-`.
    @Test func dashIsStandardOutput() throws {
        for command in [["export", "--format", "bibtex"], ["graph", "--format", "dot"],
                        ["disclaimer", "--format", "text"], ["checklist", "--venue", "acl"]] {
            let plain = try repo.repro(command)
            let dashed = try repo.repro(command + ["-o", "-"])
            #expect(dashed.status == plain.status, "\(command) \(dashed.stderr)")
            #expect(dashed.stdout == plain.stdout && !plain.stdout.isEmpty, "\(command)")
            #expect(!FileManager.default.fileExists(atPath: repo.folder.child("-")), "\(command)")
        }
        for (value, message) in [("", "Error: --output needs a file name, or - for standard output\n"),
                                 ("out/", "Error: --output out/ names a folder; give a file name\n")] {
            let refused = try repo.repro("export", "--format", "bibtex", "-o", value)
            #expect(refused.status == 2)
            #expect(refused.stderr.hasPrefix(message), "\(refused.stderr)")
            #expect(!FileManager.default.fileExists(atPath: repo.folder.child("out")))
        }
        let long = try repo.repro("disclaimer", "--format", "text", "--output", "statement.txt")
        #expect(long.status == 0 && long.stdout == "", "\(long.stderr)")
        #expect(try String(contentsOfFile: repo.folder.child("statement.txt"), encoding: .utf8)
                == (try repo.repro("disclaimer", "--format", "text")).stdout)
    }

    @Test func provLoadsWithTheProvLibrary() throws {
        let result = try repo.repro("export", "--format", "prov")
        #expect(result.status == 0)
        let check = try Subprocess.run(["python3", "-c", """
            import sys
            from prov.model import ProvDocument
            doc = ProvDocument.deserialize(content=sys.stdin.read(), format="json")
            records = list(doc.get_records())
            kinds = sorted({type(r).__name__ for r in records})
            print(len([r for r in records if type(r).__name__ == "ProvEntity"]), len([r for r in records if type(r).__name__ == "ProvActivity"]), ",".join(kinds))
            """], stdin: Array(result.stdout.utf8))
        #expect(check.stdout == "3 1 ProvActivity,ProvAgent,ProvAssociation,ProvDerivation,ProvEntity,ProvGeneration,ProvUsage\n", "\(check.stderr)")
    }

    @Test func dotGraphRendersAndMarksTheWithdrawnBase() throws {
        let dot = try repo.repro("graph", "--format", "dot")
        #expect(dot.status == 0)
        #expect(dot.stdout.contains("withdrawn as of 2026-03-02"))
        let svg = try Subprocess.run(["dot", "-Tsvg"], stdin: Array(dot.stdout.utf8))
        #expect(svg.status == 0, "\(svg.stderr)")
        #expect(svg.stdout.contains("<svg"))
    }

    @Test func badFormatAndDateAreUsageErrors() throws {
        let badFormat = try repo.repro("export", "--format", "spdx")
        #expect(badFormat.status == 2)
        #expect(badFormat.stderr.contains("The value 'spdx' is invalid for '--format <format>'"))
        let badDate = try repo.repro("export", "--format", "prov", "--as-of", "2026-02-30")
        #expect(badDate.status == 2)
        #expect(badDate.stderr.contains("invalid date \"2026-02-30\""))
    }
}
