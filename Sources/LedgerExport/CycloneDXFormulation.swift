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
            JSONStream.spilled(to: workflows, indent: 3, first: count == 0) { out in
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
                role(use).write(into: &json, &out)
                json.closeObject(&out)
            }
            json.closeArray(&out)
        }
        json.member("timeStart", record.startedAt, &out)
        json.member("timeEnd", record.endedAt, &out)
        properties(experiment).write(into: &json, &out)
        json.closeObject(&out)
    }

    /// The name and role a run gave an input or output (also the tests' reference tree's).
    static func role(_ use: ArtifactUse) -> CycloneDXProperties {
        var properties = CycloneDXProperties()
        properties.add("name", use.name)
        properties.add("role", use.role)
        return properties
    }

    /// A run's ledger, section, outcome and code state (also the tests' reference tree's).
    static func properties(_ experiment: LedgerSnapshot.Entry<ExperimentRecord>) -> CycloneDXProperties {
        let record = experiment.value
        var properties = CycloneDXProperties()
        properties.add("ledger", experiment.ledger)
        properties.add("section", record.section)
        properties.add("outcome", record.outcome.rawValue)
        properties.add("exit-status", record.exitStatus.map { String($0) })
        if record.code.repository {
            properties.add("code-commit", record.code.commit)
            properties.add("code-branch", record.code.branch)
            properties.add("code-detached", record.code.detached ? "true" : nil)
            properties.add("code-dirty", record.code.dirty ? "true" : "false")
            properties.add("code-diff-digest", record.code.diffDigest?.description)
        } else {
            properties.add("code-repository", "none")
        }
        properties.add("recorded-by", "\(record.recordedBy.user)@\(record.recordedBy.host)")
        return properties
    }
}
