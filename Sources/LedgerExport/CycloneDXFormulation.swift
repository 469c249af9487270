import Algorithms
import LedgerCore

/// Experiments as CycloneDX `formulation`: one formula per ledger, one workflow per
/// experiment, whose inputs and outputs reference the artifact components by digest.
///
/// Formulation is CycloneDX's record of how components were made, with timed workflows that
/// consume and produce referenced resources; that is what an experiment is. `services`
/// describe running network endpoints and would lose the inputs, outputs and times.
enum CycloneDXFormulation {
    /// One formula per ledger, in the order each ledger's first experiment comes; its
    /// workflows, written to a spill file as the experiments stream past.
    final class Formula {
        let ledger: String
        let workflows: TextSink
        var count = 0

        init(ledger: String) throws {
            self.ledger = ledger
            workflows = try TextSink.spill()
        }

        /// Formulation (level 1) > formula (2) > workflows (3) > workflow (4).
        func add(_ experiment: LedgerSnapshot.Entry<ExperimentRecord>, in model: (Digest) -> ExportedArtifact?) {
            let first = count == 0
            workflows.writeUTF8 { out in
                if !first { out.append(contentsOf: ",\n".utf8) }
                OrderedJSON.pad(4, &out)
                CycloneDXFormulation.writeWorkflow(experiment, in: model, to: &out, indent: 4)
            }
            count += 1
        }

        /// The formula as an item of the formulation array (nested 2 deep).
        func write(into formulation: inout JSONStream) throws {
            formulation.beginItem()
            var formula = JSONStream.object(formulation.sink, indent: formulation.indent + 1)
            formula.member("bom-ref", "repro:ledger:\(ledger)")
            try formula.member("workflows", object: false, items: count, spill: workflows)
            var properties = CycloneDXProperties()
            properties.add("ledger", ledger)
            formula.member("properties", properties.json)
            formula.end()
        }
    }

    /// The bom-ref of an experiment's workflow, from its record id: names may repeat.
    static func reference(_ experiment: LedgerSnapshot.Entry<ExperimentRecord>) -> String {
        "repro:experiment:\(experiment.id.hex)"
    }

    /// `build` when the run made a model, dataset, tokenizer, config or code (CycloneDX's
    /// word for producing components); `other` for evaluations and analyses.
    static func taskType(_ record: ExperimentRecord, in model: (Digest) -> ExportedArtifact?) -> String {
        let builds = record.outputs.contains { output in
            guard let kind = model(output.digest)?.kind else { return false }
            return kind != .result && kind != .other
        }
        return builds ? "build" : "other"
    }

    /// The experiment's workflow, written as `OrderedJSON` would write it nested `indent` deep.
    static func writeWorkflow(_ experiment: LedgerSnapshot.Entry<ExperimentRecord>, in model: (Digest) -> ExportedArtifact?,
                              to out: inout [UInt8], indent: Int) {
        let record = experiment.value
        var json = JSONWriter(indent: indent)
        json.openObject(&out)
        json.member("bom-ref", reference(experiment), &out)
        json.member("uid", experiment.id.description, &out)
        json.member("name", record.name, &out)
        json.member("description", record.note, &out)
        json.key("taskTypes", &out)
        json.openArray(&out)
        json.item(taskType(record, in: model), &out)
        json.closeArray(&out)
        if let command = record.command {
            json.key("steps", &out)
            json.openArray(&out)
            json.item(&out)
            json.openObject(&out)
            json.member("name", "command", &out)
            json.key("commands", &out)
            json.openArray(&out)
            json.item(&out)
            json.openObject(&out)
            json.member("executed", ShellQuoting.line(command), &out)
            json.closeObject(&out)
            json.closeArray(&out)
            json.closeObject(&out)
            json.closeArray(&out)
        }
        // The schema wants inputs and outputs unique; a use listed twice is one resource.
        for (key, uses, type) in [("inputs", record.inputs, nil), ("outputs", record.outputs, "artifact")] as [(String, [ArtifactUse], String?)]
        where !uses.isEmpty {
            json.key(key, &out)
            json.openArray(&out)
            for use in uses.uniqued() {
                json.item(&out)
                json.openObject(&out)
                json.member("type", type, &out)
                json.key("resource", &out)
                json.openObject(&out)
                json.member("ref", use.digest.description, &out)
                json.closeObject(&out)
                writeProperties([("name", use.name), ("role", use.role)], into: &json, &out)
                json.closeObject(&out)
            }
            json.closeArray(&out)
        }
        json.member("timeStart", record.startedAt, &out)
        json.member("timeEnd", record.endedAt, &out)
        writeProperties(properties(experiment), into: &json, &out)
        json.closeObject(&out)
    }

    /// `properties`: one `{"name": "repro:…", "value": …}` per present value; left out when none is.
    private static func writeProperties(_ pairs: [(name: String, value: String?)], into json: inout JSONWriter, _ out: inout [UInt8]) {
        guard pairs.contains(where: { $0.value != nil }) else { return }
        json.key("properties", &out)
        json.openArray(&out)
        for (name, value) in pairs {
            guard let value else { continue }
            json.item(&out)
            json.openObject(&out)
            json.member("name", "repro:" + name, &out)
            json.member("value", value, &out)
            json.closeObject(&out)
        }
        json.closeArray(&out)
    }

    private static func properties(_ experiment: LedgerSnapshot.Entry<ExperimentRecord>) -> [(name: String, value: String?)] {
        let record = experiment.value
        var properties: [(name: String, value: String?)] = [
            ("ledger", experiment.ledger), ("section", record.section), ("outcome", record.outcome.rawValue),
            ("exit-status", record.exitStatus.map { String($0) }),
        ]
        if record.code.repository {
            properties += [("code-commit", record.code.commit), ("code-branch", record.code.branch),
                           ("code-detached", record.code.detached ? "true" : nil), ("code-dirty", record.code.dirty ? "true" : "false"),
                           ("code-diff-digest", record.code.diffDigest?.description)]
        } else {
            properties.append(("code-repository", "none"))
        }
        properties.append(("recorded-by", "\(record.recordedBy.user)@\(record.recordedBy.host)"))
        return properties
    }
}
