import Foundation
import LedgerCore
import Testing

@Suite struct ModelCardTests {
    func card(_ text: String) throws -> ModelCard? { try ModelCard.parse(Array(text.utf8), path: "x/README.md") }

    @Test func licenseAndBaseModelAsAString() throws {
        let parsed = try card("---\nlicense: llama3.1\nbase_model: meta-llama/Llama-3.1-8B\nbase_model_relation: finetune\ndatasets:\n- allenai/c4\n---\n# Title\n")
        #expect(parsed == ModelCard(license: "llama3.1", baseModels: ["meta-llama/Llama-3.1-8B"], baseModelRelation: "finetune",
                                    datasets: ["allenai/c4"]))
        #expect(parsed?.ledgerLicense == "llama3.1")
    }

    @Test func baseModelAsAListIsAMerge() throws {
        let parsed = try card("---\nlicense: apache-2.0\nbase_model:\n  - org/a\n  - org/b\ndatasets: squad\n---\n")
        #expect(parsed?.baseModels == ["org/a", "org/b"])
        #expect(parsed?.datasets == ["squad"])
    }

    @Test func otherLicenseTakesItsName() throws {
        let parsed = try card("---\nlicense: other\nlicense_name: coqui-public-model-license\nlicense_link: https://coqui.ai/cpml\n---\n")
        #expect(parsed?.licenseName == "coqui-public-model-license")
        #expect(parsed?.licenseLink == "https://coqui.ai/cpml")
        #expect(parsed?.ledgerLicense == "LicenseRef-coqui-public-model-license")
    }

    @Test func noFrontMatterIsNoCard() throws {
        #expect(try card("# Just a README\n") == nil)
        #expect(try card("---\n---\n") == ModelCard())
    }

    @Test func badFrontMatterIsNamedNotFollowed() throws {
        #expect(throws: ModelCard.Failure.unterminated(path: "x/README.md")) { try card("---\nlicense: mit\n") }
        #expect(throws: ModelCard.Failure.notAMapping(path: "x/README.md")) { try card("---\n- a\n- b\n---\n") }
        let huge = "---\n" + String(repeating: "k: v\n", count: 20_000) + "---\n"
        #expect(throws: ModelCard.Failure.tooLarge(path: "x/README.md")) { try card(huge) }
        #expect(ModelCard.Failure.tooLarge(path: "x/README.md").description
            == "x/README.md: model card front matter is longer than 64 KiB; not read")
        // An alias bomb is only composed, never expanded: the top-level keys are read shallowly.
        var bomb = "---\na: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n"
        for level in 1...9 { bomb += "l\(level): &l\(level) [" + Array(repeating: level == 1 ? "*a" : "*l\(level - 1)", count: 9).joined(separator: ",") + "]\n" }
        bomb += "license: mit\n---\n"
        #expect(try card(bomb)?.license == "mit")
    }

    @Test func gitBlobIDsMatchGit() throws {
        #expect(GitBlobID.of(Array("hello\n".utf8)) == "ce013625030ba8dba906f756967f9e9ca394464a")
        #expect(GitBlobID.of(Array("42\n".utf8)) == "d81cc0710eb6cf9efd5b920a8453e1e07157b6cd")
        #expect(GitBlobID.of([]) == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gitblob-\(UUID().uuidString)")
        try Data("hello\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try GitBlobID.of(path: file.path) == "ce013625030ba8dba906f756967f9e9ca394464a")
    }

    @Test func revisionsThatPin() {
        #expect(HuggingFaceSnapshot.isCommit("0e9e39f249a16976918f6564b8830bc894c89659"))
        #expect(!HuggingFaceSnapshot.isCommit("main"))
        #expect(!HuggingFaceSnapshot.isCommit("0e9e39f"))
        #expect(!HuggingFaceSnapshot.isCommit("0E9E39F249A16976918F6564B8830BC894C89659"))
        #expect(HuggingFaceSnapshot.root(of: "/c/hub/models--a--b/snapshots/abc/sub/f.bin") == "/c/hub/models--a--b/snapshots/abc")
    }
}
