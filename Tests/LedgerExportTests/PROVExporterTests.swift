import Foundation
import LedgerCore
@testable import LedgerExport
import Testing
import TestSupport

@Suite struct PROVExporterTests {
    /// Loads the document with the `prov` library and lists what it understood, one fact a line.
    static let summary = """
        import sys
        from prov.model import (ProvDocument, ProvEntity, ProvActivity, ProvAgent, ProvUsage, ProvGeneration,
                                ProvDerivation, ProvAssociation)
        doc = ProvDocument.deserialize(content=open(sys.argv[1], encoding='utf-8').read(), format='json')
        def formal(record):
            return {str(key): value for key, value in record.formal_attributes}
        def extra(record, name):
            return [str(value) for key, value in record.extra_attributes if str(key) == name]
        for kind, name in [(ProvEntity, 'entity'), (ProvActivity, 'activity'), (ProvAgent, 'agent'),
                           (ProvUsage, 'used'), (ProvGeneration, 'wasGeneratedBy'),
                           (ProvDerivation, 'wasDerivedFrom'), (ProvAssociation, 'wasAssociatedWith')]:
            print(name, len(list(doc.get_records(kind))))
        for record in doc.get_records(ProvEntity):
            print('entity', record.identifier, extra(record, 'prov:label'), extra(record, 'repro:kind'),
                  extra(record, 'repro:license'), extra(record, 'repro:availability'))
        for record in doc.get_records(ProvActivity):
            attributes = formal(record)
            end = attributes['prov:endTime']
            print('activity', record.identifier, attributes['prov:startTime'].isoformat(),
                  end.isoformat() if end else None, extra(record, 'prov:label'))
        for record in doc.get_records(ProvAgent):
            print('agent', record.identifier, extra(record, 'prov:label'))
        for record in doc.get_records(ProvUsage):
            attributes = formal(record)
            print('used', attributes['prov:activity'], attributes['prov:entity'], extra(record, 'prov:role'))
        for record in doc.get_records(ProvGeneration):
            attributes = formal(record)
            print('wasGeneratedBy', attributes['prov:entity'], attributes['prov:activity'])
        for record in doc.get_records(ProvDerivation):
            attributes = formal(record)
            print('wasDerivedFrom', attributes['prov:generatedEntity'], attributes['prov:usedEntity'],
                  attributes['prov:activity'])
        for record in doc.get_records(ProvAssociation):
            attributes = formal(record)
            print('wasAssociatedWith', attributes['prov:activity'], attributes['prov:agent'])
        """

    @Test
    func theProvLibraryReadsEveryRelation() throws {
        try ExternalTools.require(\.provLibrary)
        let folder = try TemporaryFolder("prov")
        let file = try folder.write("ledger.json", try export(try Fixture.snapshot(), format: .prov))
        let result = try ExternalTools.python(Self.summary, file: file)
        try #require(result.status == 0, "prov could not load the document: \(result.stderr)")

        func e(_ digest: Digest) -> String { "repro:sha256-\(digest.hex)" }
        let fineTune = "repro:experiment-\(try Fixture.id(.experiment(Fixture.fineTune)).hex)"
        let evaluate = "repro:experiment-\(try Fixture.id(.experiment(Fixture.evaluate)).hex)"
        let name = Fixture.clinicalName.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
        #expect(result.stdout == """
            entity 6
            activity 2
            agent 2
            used 6
            wasGeneratedBy 2
            wasDerivedFrom 1
            wasAssociatedWith 2
            entity \(e(Fixture.base)) ['Llama-3.1-8B'] ['checkpoint'] ['llama3.1'] ['withdrawn']
            entity \(e(Fixture.c4)) ['c4-en-sample'] ['dataset'] ['odc-by'] []
            entity \(e(Fixture.clinical)) ['\(name)'] ['dataset'] ['LicenseRef-clinical-dua'] ['private']
            entity \(e(Fixture.tokenizer)) ['Llama-3.1 tokenizer'] ['tokenizer'] ['llama3.1'] []
            entity \(e(Fixture.tuned)) ['llama-3.1-8b-clinical-sft'] ['checkpoint'] ['llama3.1 AND LicenseRef-clinical-dua'] []
            entity \(e(Fixture.metrics)) ['eval-metrics.json'] ['result'] ['cc-by-4.0'] []
            activity \(fineTune) 2025-02-01T08:00:00+00:00 2025-02-01T17:59:00+00:00 ['finetune']
            activity \(evaluate) 2025-02-02T12:00:00+00:00 None ['evaluate']
            agent repro:agent-bob%40gpu-07 ['bob@gpu-07']
            agent repro:agent-ada%40lab-01 ['ada@lab-01']
            used \(fineTune) \(e(Fixture.base)) ['base-model']
            used \(fineTune) \(e(Fixture.tokenizer)) ['tokenizer']
            used \(fineTune) \(e(Fixture.clinical)) ['train']
            used \(fineTune) \(e(Fixture.c4)) ['train']
            used \(evaluate) \(e(Fixture.tuned)) ['model']
            used \(evaluate) \(e(Fixture.c4)) ['eval']
            wasGeneratedBy \(e(Fixture.tuned)) \(fineTune)
            wasGeneratedBy \(e(Fixture.metrics)) \(evaluate)
            wasDerivedFrom \(e(Fixture.tuned)) \(e(Fixture.base)) \(fineTune)
            wasAssociatedWith \(fineTune) repro:agent-bob%40gpu-07
            wasAssociatedWith \(evaluate) repro:agent-ada%40lab-01

            """)
    }

    @Test func declaresItsPrefixAndTypesTheActivities() throws {
        let document = try JSONValue(parsing: try export(try Fixture.snapshot(), format: .prov))
        #expect(document.keys == ["activity", "agent", "entity", "prefix", "used", "wasAssociatedWith",
                                  "wasDerivedFrom", "wasGeneratedBy"])
        #expect(document["prefix"] == .object(["repro": .string("urn:repro:")]))
        let activity = document["activity"]?["repro:experiment-\(try Fixture.id(.experiment(Fixture.fineTune)).hex)"]
        #expect(activity?["prov:type"] == .object(["$": .string("repro:Experiment"), "type": .string("prov:QUALIFIED_NAME")]))
        #expect(activity?["repro:command"]?.stringValue == #"python train.py --lr 2e-5 --run-name 'it'\''s a test'"#)
        #expect(activity?["repro:codeDirty"] == .bool(true))
        let base = document["entity"]?["repro:sha256-\(Fixture.base.hex)"]
        #expect(base?["repro:digest"]?.stringValue == Fixture.base.description)
        #expect(base?["prov:location"]?.stringValue
            == "https://huggingface.co/meta-llama/Llama-3.1-8B/tree/\(Fixture.baseRevision)")
        #expect(base?["repro:size"] == .integer(16_060_522_944))
    }

    @Test func bytesDependOnlyOnTheRecordsAndOptions() throws {
        let sorted = try export(try Fixture.snapshot(), format: .prov)
        #expect(try export(try Fixture.snapshot(shuffled: true), format: .prov) == sorted)
        let earlier = try JSONValue(parsing: try export(try Fixture.snapshot(), format: .prov,
                                                        options: ExportOptions(asOf: "2025-02-15")))
        #expect(earlier["entity"]?["repro:sha256-\(Fixture.base.hex)"]?["repro:availability"]?.stringValue == "open")
    }

    @Test func agentNamesArePercentEncoded() {
        #expect(PROVIdentifiers.agent(Agent(user: "a b@c", host: "lab:01")) == "repro:agent-a%20b%40c%40lab%3A01")
    }
}
