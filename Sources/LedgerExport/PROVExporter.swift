import LedgerCore

/// W3C PROV-JSON of the ledgers: artifacts are entities, experiments are activities that
/// `used` their inputs and generated their outputs (`wasGeneratedBy`), lineage is
/// `wasDerivedFrom`, and whoever recorded an experiment is its agent (`wasAssociatedWith`).
///
/// Relation ids are blank nodes numbered in snapshot order; same snapshot, same bytes.
public struct PROVExporter: Sendable {
    public let options: ExportOptions

    public init(options: ExportOptions = ExportOptions()) throws(ExportError) {
        try options.validate()
        self.options = options
    }

    public func render(_ snapshot: LedgerSnapshot) -> String {
        let model = ExportModel(snapshot, asOf: options.asOf)
        var producers: [Digest: [LedgerSnapshot.Entry<ExperimentRecord>]] = [:]
        for experiment in model.experiments {
            for output in Set(experiment.value.outputs.map(\.digest)) { producers[output, default: []].append(experiment) }
        }
        var agents = OrderedJSON.Members()
        var used = OrderedJSON.Members()
        var generated = OrderedJSON.Members()
        var derived = OrderedJSON.Members()
        var associated = OrderedJSON.Members()
        var agentIDs = Set<String>()

        for experiment in model.experiments {
            let record = experiment.value
            let activity = PROVIdentifiers.activity(experiment.id)
            for input in record.inputs {
                used.add("_:used\(used.pairs.count + 1)", .object {
                    $0.add("prov:activity", activity)
                    $0.add("prov:entity", PROVIdentifiers.entity(input.digest))
                    $0.add("prov:time", record.startedAt)
                    $0.add("prov:role", input.role)
                })
            }
            for output in record.outputs {
                generated.add("_:generated\(generated.pairs.count + 1)", .object {
                    $0.add("prov:entity", PROVIdentifiers.entity(output.digest))
                    $0.add("prov:activity", activity)
                    $0.add("prov:time", record.endedAt ?? record.startedAt)
                    $0.add("prov:role", output.role)
                })
            }
            let agent = PROVIdentifiers.agent(record.recordedBy)
            if agentIDs.insert(agent).inserted {
                agents.add(agent, .object {
                    $0.add("prov:label", "\(record.recordedBy.user)@\(record.recordedBy.host)")
                    $0.add("repro:user", record.recordedBy.user)
                    $0.add("repro:host", record.recordedBy.host)
                })
            }
            associated.add("_:associated\(associated.pairs.count + 1)", .object {
                $0.add("prov:activity", activity)
                $0.add("prov:agent", agent)
            })
        }
        for artifact in model.artifacts {
            for ancestor in artifact.derivedFrom {
                derived.add("_:derived\(derived.pairs.count + 1)", .object {
                    $0.add("prov:generatedEntity", PROVIdentifiers.entity(artifact.digest))
                    $0.add("prov:usedEntity", PROVIdentifiers.entity(ancestor))
                    $0.add("prov:activity", derivingActivity(of: artifact.digest, from: ancestor, producers: producers))
                })
            }
        }

        let document = OrderedJSON.object {
            $0.add("prefix", .object { $0.add("repro", PROVIdentifiers.namespace) })
            $0.add("entity", .object { members in
                for artifact in model.artifacts {
                    members.add(PROVIdentifiers.entity(artifact.digest), entity(artifact))
                }
            })
            $0.add("activity", .object { members in
                for experiment in model.experiments {
                    members.add(PROVIdentifiers.activity(experiment.id), activity(experiment))
                }
            })
            $0.add("agent", .object(agents))
            $0.add("used", .object(used))
            $0.add("wasGeneratedBy", .object(generated))
            $0.add("wasDerivedFrom", .object(derived))
            $0.add("wasAssociatedWith", .object(associated))
        }
        return document.prettyPrinted
    }

    private func entity(_ artifact: ExportedArtifact) -> OrderedJSON {
        .object {
            $0.add("prov:label", artifact.name)
            $0.add("repro:kind", artifact.kind?.rawValue)
            $0.add("repro:digest", artifact.digest.description)
            $0.add("repro:license", artifact.license)
            $0.add("repro:size", artifact.size.map { .integer($0) })
            let locations = artifact.locations.map { OrderedJSON.string($0.url) }
            $0.add("prov:location", locations.count == 1 ? locations[0] : .array(locations))
            $0.add("repro:availability", artifact.availability?.status.rawValue)
            $0.add("repro:availabilityAsOf", artifact.availability?.asOf)
            $0.add("repro:retainedCopyAsOf", artifact.retainedCopy?.asOf)
        }
    }

    private func activity(_ experiment: LedgerSnapshot.Entry<ExperimentRecord>) -> OrderedJSON {
        let record = experiment.value
        return .object {
            $0.add("prov:startTime", record.startedAt)
            $0.add("prov:endTime", record.endedAt)
            $0.add("prov:label", record.name)
            $0.add("prov:type", .object {
                $0.add("$", "repro:Experiment")
                $0.add("type", "prov:QUALIFIED_NAME")
            })
            $0.add("repro:ledger", experiment.ledger)
            $0.add("repro:section", record.section)
            $0.add("repro:outcome", record.outcome.rawValue)
            $0.add("repro:command", record.command.map(ShellQuoting.line))
            $0.add("repro:exitStatus", record.exitStatus.map { .integer(Int64($0)) })
            $0.add("repro:codeCommit", record.code.commit)
            $0.add("repro:codeDirty", record.code.repository ? .bool(record.code.dirty) : nil)
            $0.add("repro:codeDiffDigest", record.code.diffDigest?.description)
        }
    }

    /// The one experiment that used `ancestor` and generated `digest`, which makes the
    /// derivation a qualified one; nil when none or several did. `producers` maps each
    /// output digest to the experiments that wrote it, built once per render.
    private func derivingActivity(of digest: Digest, from ancestor: Digest,
                                  producers: [Digest: [LedgerSnapshot.Entry<ExperimentRecord>]]) -> String? {
        let candidates = (producers[digest] ?? []).filter { experiment in
            experiment.value.inputs.contains { $0.digest == ancestor }
        }
        guard candidates.count == 1 else { return nil }
        return PROVIdentifiers.activity(candidates[0].id)
    }
}
