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
        func add(_ workflow: OrderedJSON) {
            JSONStream.spilled(workflow, to: workflows, indent: 3, first: count == 0)
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

    static func workflow(_ experiment: LedgerSnapshot.Entry<ExperimentRecord>, in model: (Digest) -> ExportedArtifact?) -> OrderedJSON {
        let record = experiment.value
        return .object {
            $0.add("bom-ref", reference(experiment))
            $0.add("uid", experiment.id.description)
            $0.add("name", record.name)
            $0.add("description", record.note)
            $0.add("taskTypes", .array([.string(taskType(record, in: model))]))
            if let command = record.command {
                $0.add("steps", .array([.object {
                    $0.add("name", "command")
                    $0.add("commands", .array([.object { $0.add("executed", ShellQuoting.line(command)) }]))
                }]))
            }
            // The schema wants inputs and outputs unique; a use listed twice is one resource.
            $0.add("inputs", .array(record.inputs.uniqued().map { use in
                .object {
                    $0.add("resource", .object { $0.add("ref", use.digest.description) })
                    $0.add("properties", role(use))
                }
            }))
            $0.add("outputs", .array(record.outputs.uniqued().map { use in
                .object {
                    $0.add("type", "artifact")
                    $0.add("resource", .object { $0.add("ref", use.digest.description) })
                    $0.add("properties", role(use))
                }
            }))
            $0.add("timeStart", record.startedAt)
            $0.add("timeEnd", record.endedAt)
            $0.add("properties", properties(experiment).json)
        }
    }

    private static func role(_ use: ArtifactUse) -> OrderedJSON {
        var properties = CycloneDXProperties()
        properties.add("name", use.name)
        properties.add("role", use.role)
        return properties.json
    }

    private static func properties(_ experiment: LedgerSnapshot.Entry<ExperimentRecord>) -> CycloneDXProperties {
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
