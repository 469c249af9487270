import Foundation
import LedgerCore
@testable import LedgerExport
import Testing
import TestSupport

@Suite struct CycloneDXExporterTests {
    static let validator = """
        import sys
        from cyclonedx.schema import SchemaVersion
        from cyclonedx.validation.json import JsonStrictValidator
        error = JsonStrictValidator(SchemaVersion.V1_6).validate_str(open(sys.argv[1], encoding='utf-8').read())
        if error is not None:
            print(error)
            sys.exit(1)
        print('valid')
        """

    func bom(_ snapshot: LedgerSnapshot, _ options: ExportOptions = ExportOptions()) throws -> (String, JSONValue) {
        let text = try export(snapshot, format: .cyclonedx, options: options)
        return (text, try JSONValue(parsing: text))
    }

    func component(_ bom: JSONValue, _ digest: Digest) throws -> JSONValue {
        try #require(bom["components"]?.items.first { $0["bom-ref"]?.stringValue == digest.description })
    }

    @Test(arguments: [
        ExportOptions(), ExportOptions(asOf: "2025-02-15"), ExportOptions(asOf: "2025-06-30", timestamp: "2026-01-01T00:00:00Z"),
    ])
    func passesTheOfficialValidator(options: ExportOptions) throws {
        try ExternalTools.require(\.cycloneDXValidator)
        let folder = try TemporaryFolder("cyclonedx")
        let file = try folder.write("bom.json", try export(try Fixture.snapshot(), format: .cyclonedx, options: options))
        let result = try ExternalTools.python(Self.validator, file: file)
        #expect(result.status == 0, "CycloneDX 1.6 validation failed: \(result.stdout)\(result.stderr)")
        #expect(result.stdout == "valid\n")
    }

    @Test
    func anEmptyLedgerIsAValidBOM() throws {
        try ExternalTools.require(\.cycloneDXValidator)
        let folder = try TemporaryFolder("cyclonedx")
        let file = try folder.write("bom.json", try export(LedgerSnapshot(ledgers: ["main"]), format: .cyclonedx))
        let result = try ExternalTools.python(Self.validator, file: file)
        #expect(result.status == 0, "CycloneDX 1.6 validation failed: \(result.stdout)\(result.stderr)")
    }

    /// Guards the guard: a BOM with an unknown component type must not pass.
    @Test
    func theValidatorRejectsWhatItShould() throws {
        try ExternalTools.require(\.cycloneDXValidator)
        let (text, _) = try bom(try Fixture.snapshot())
        let broken = text.replacingOccurrences(of: "\"machine-learning-model\"", with: "\"model\"")
        let folder = try TemporaryFolder("cyclonedx")
        let result = try ExternalTools.python(Self.validator, file: try folder.write("bom.json", broken))
        #expect(result.status == 1)
    }

    @Test func componentTypesFollowTheArtifactKind() throws {
        let (_, bom) = try bom(try Fixture.snapshot())
        let types = try [Fixture.base, Fixture.c4, Fixture.clinical, Fixture.tokenizer, Fixture.tuned, Fixture.metrics]
            .map { try component(bom, $0)["type"]?.stringValue }
        #expect(types == ["machine-learning-model", "data", "data", "file", "machine-learning-model", "file"])
        #expect(try component(bom, Fixture.c4)["data"]?[0]?["type"]?.stringValue == "dataset")
        #expect(try component(bom, Fixture.tokenizer)["data"] == nil)
        #expect(bom["components"]?.items.map { $0["bom-ref"]?.stringValue } == [
            Fixture.base, Fixture.c4, Fixture.clinical, Fixture.tokenizer, Fixture.tuned, Fixture.metrics,
        ].map(\.description))
    }

    @Test func hashesNameTheDigest() throws {
        let (_, bom) = try bom(try Fixture.snapshot())
        let hashes = try component(bom, Fixture.base)["hashes"]
        #expect(hashes == .array([.object(["alg": .string("SHA-256"), "content": .string(Fixture.base.hex)])]))
    }

    @Test func licensesUseIDsNamesAndExpressions() throws {
        let (_, bom) = try bom(try Fixture.snapshot())
        func license(_ digest: Digest) throws -> JSONValue? { try component(bom, digest)["licenses"]?[0] }
        #expect(try license(Fixture.base)?["license"]?["name"]?.stringValue == "LicenseRef-llama3.1")
        #expect(try license(Fixture.c4)?["license"]?["id"]?.stringValue == "ODC-By-1.0")
        #expect(try license(Fixture.clinical)?["license"]?["name"]?.stringValue == "LicenseRef-clinical-dua")
        #expect(try license(Fixture.tuned)?["expression"]?.stringValue == "LicenseRef-llama3.1 AND LicenseRef-clinical-dua")
        #expect(try license(Fixture.metrics)?["license"]?["id"]?.stringValue == "CC-BY-4.0")
        #expect(try license(Fixture.base)?["license"]?["acknowledgement"]?.stringValue == "declared")
    }

    @Test func sourcesBecomeDistributionReferences() throws {
        let (_, bom) = try bom(try Fixture.snapshot())
        let base = try component(bom, Fixture.base)["externalReferences"]?[0]
        #expect(base?["url"]?.stringValue == "https://huggingface.co/meta-llama/Llama-3.1-8B/tree/\(Fixture.baseRevision)")
        #expect(base?["type"]?.stringValue == "distribution")
        #expect(try component(bom, Fixture.c4)["externalReferences"]?[0]?["url"]?.stringValue
            == "https://huggingface.co/datasets/allenai/c4/tree/1588ec454efa1a09f29cd18ddd04fe05fc8653a2")
        #expect(try component(bom, Fixture.metrics)["externalReferences"]?[0]?["url"]?.stringValue
            == "https://example.org/results/eval%20metrics.json")
        #expect(try component(bom, Fixture.clinical)["externalReferences"] == nil)
        #expect(try component(bom, Fixture.clinical).properties("source-path") == ["data/clinical"])
    }

    @Test func lineageIsAPedigreeLinkedByBOMLink() throws {
        let (_, bom) = try bom(try Fixture.snapshot())
        let serial = try #require(bom["serialNumber"]?.stringValue).dropFirst("urn:uuid:".count)
        let ancestors = try component(bom, Fixture.tuned)["pedigree"]?["ancestors"]?.items ?? []
        #expect(ancestors.count == 1)
        #expect(ancestors.first?["hashes"]?[0]?["content"]?.stringValue == Fixture.base.hex)
        #expect(ancestors.first?["bom-ref"] == nil)
        #expect(ancestors.first?["externalReferences"]?[0]?["url"]?.stringValue == "urn:cdx:\(serial)/1#\(Fixture.base)")
        #expect(try component(bom, Fixture.base)["pedigree"] == nil)
    }

    @Test func availabilityFollowsTheAsOfDay() throws {
        let (_, latest) = try bom(try Fixture.snapshot())
        let base = try component(latest, Fixture.base)
        #expect(base.properties("availability") == ["withdrawn"])
        #expect(base.properties("availability-as-of") == ["2025-03-01"])
        #expect(base.properties("availability-evidence") == ["https://example.org/notice"])
        #expect(base.properties("retained-copy-as-of") == ["2025-03-01"])
        #expect(try component(latest, Fixture.clinical).properties("availability") == ["private"])
        #expect(try component(latest, Fixture.c4).properties("availability") == [])

        let (_, before) = try bom(try Fixture.snapshot(), ExportOptions(asOf: "2025-02-15"))
        let earlier = try component(before, Fixture.base)
        #expect(earlier.properties("availability") == ["open"])
        #expect(earlier.properties("availability-as-of") == ["2024-07-23"])
        #expect(earlier.properties("retained-copy-as-of") == [])
        #expect(before["metadata"].map { $0.properties("as-of") } == ["2025-02-15"])
    }

    @Test func experimentsAreFormulationWorkflows() throws {
        let (_, bom) = try bom(try Fixture.snapshot())
        let formulas = bom["formulation"]?.items ?? []
        #expect(formulas.count == 1)
        #expect(formulas.first?["bom-ref"]?.stringValue == "repro:ledger:main")
        let workflows = formulas.first?["workflows"]?.items ?? []
        #expect(workflows.map { $0["name"]?.stringValue } == ["finetune", "evaluate"])

        let fineTune = workflows[0]
        let fineTuneID = try Fixture.id(.experiment(Fixture.fineTune))
        #expect(fineTune["bom-ref"]?.stringValue == "repro:experiment:\(fineTuneID.hex)")
        #expect(fineTune["uid"]?.stringValue == fineTuneID.description)
        #expect(fineTune["taskTypes"] == .array([.string("build")]))
        #expect(fineTune["inputs"]?.items.map { $0["resource"]?["ref"]?.stringValue }
            == [Fixture.base, Fixture.tokenizer, Fixture.clinical, Fixture.c4].map(\.description))
        #expect(fineTune["inputs"]?[0]?.properties("role") == ["base-model"])
        #expect(fineTune["outputs"]?.items.map { $0["resource"]?["ref"]?.stringValue } == [Fixture.tuned.description])
        #expect(fineTune["outputs"]?[0]?["type"]?.stringValue == "artifact")
        #expect(fineTune["timeStart"]?.stringValue == "2025-02-01T08:00:00Z")
        #expect(fineTune["timeEnd"]?.stringValue == "2025-02-01T17:59:00Z")
        #expect(fineTune["steps"]?[0]?["commands"]?[0]?["executed"]?.stringValue
            == #"python train.py --lr 2e-5 --run-name 'it'\''s a test'"#)
        #expect(fineTune.properties("code-dirty") == ["true"])
        #expect(fineTune.properties("code-diff-digest") == [Digest.of("patch").description])
        #expect(fineTune.properties("recorded-by") == ["bob@gpu-07"])

        let evaluate = workflows[1]
        #expect(evaluate["taskTypes"] == .array([.string("other")]))
        #expect(evaluate["timeEnd"] == nil)
        #expect(evaluate["steps"] == nil)
        #expect(evaluate.properties("section") == ["tab:main"])
        #expect(evaluate["description"]?.stringValue == "Table 2")
    }

    @Test func everyReferenceResolvesToAComponent() throws {
        let (_, bom) = try bom(try Fixture.snapshot())
        let refs = Set(bom["components"]?.items.compactMap { $0["bom-ref"]?.stringValue } ?? [])
        let workflows = bom["formulation"]?.items.flatMap { $0["workflows"]?.items ?? [] } ?? []
        let used = workflows.flatMap { ($0["inputs"]?.items ?? []) + ($0["outputs"]?.items ?? []) }
            .compactMap { $0["resource"]?["ref"]?.stringValue }
        #expect(!used.isEmpty)
        #expect(used.allSatisfy(refs.contains))
    }

    @Test func digestsKnownOnlyFromExperimentsStillGetComponents() throws {
        // The evaluation's model was recorded in another ledger than the one exported.
        let records = Fixture.records.filter { $0 != .artifact(Fixture.tunedRecord) }
        let (_, bom) = try bom(try Fixture.snapshot(records))
        let tuned = try component(bom, Fixture.tuned)
        #expect(tuned["name"]?.stringValue == "llama-3.1-8b-clinical-sft")
        #expect(tuned["type"]?.stringValue == "file")
        #expect(tuned.properties("recorded") == ["false"])
    }

    @Test func bytesDependOnlyOnTheRecordsAndOptions() throws {
        let (sorted, bom) = try bom(try Fixture.snapshot())
        let (shuffled, _) = try self.bom(try Fixture.snapshot(shuffled: true))
        #expect(sorted == shuffled)
        #expect(bom["metadata"]?["timestamp"]?.stringValue == "2025-03-02T10:05:00Z")
        let serial = try #require(bom["serialNumber"]?.stringValue)
        #expect(serial.wholeMatch(of: /urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/) != nil)

        let (_, dated) = try self.bom(try Fixture.snapshot(), ExportOptions(timestamp: "2026-01-01T00:00:00Z"))
        #expect(dated["metadata"]?["timestamp"]?.stringValue == "2026-01-01T00:00:00Z")
        #expect(dated["serialNumber"]?.stringValue != serial)
        let (_, fewer) = try self.bom(try Fixture.snapshot(Array(Fixture.records.dropLast())))
        #expect(fewer["serialNumber"]?.stringValue != serial)
    }

    @Test func emptyLedgersUseTheEpoch() throws {
        let (_, bom) = try bom(LedgerSnapshot(ledgers: ["main"]))
        #expect(bom["metadata"]?["timestamp"]?.stringValue == "1970-01-01T00:00:00Z")
        #expect(bom["components"] == nil)
        #expect(bom["formulation"] == nil)
    }
}
