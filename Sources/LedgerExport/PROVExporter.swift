import LedgerCore

/// W3C PROV-JSON of the ledgers: artifacts are entities, experiments are activities that
/// `used` their inputs and generated their outputs (`wasGeneratedBy`), lineage is
/// `wasDerivedFrom`, and whoever recorded an experiment is its agent (`wasAssociatedWith`).
///
/// Relation ids are blank nodes numbered in snapshot order; same records, same bytes.
public struct PROVExporter: DocumentExporter, Sendable {
    public let options: ExportOptions

    public init(options: ExportOptions = ExportOptions()) throws(ExportError) {
        try options.validate()
        self.options = options
    }

    /// One pass over the experiments: activities and the relations that name them go to
    /// spill files (entities, written first, need every digest the experiments name);
    /// agents and qualified derivations, one per recorder and lineage link, stay in memory.
    public func write(_ source: some ExportSource, to sink: TextSink) throws {
        var catalog = ExportCatalog(try source.sharedRecords(), asOf: options.asOf)
        // Each lineage link of a recorded artifact: the experiments that used the ancestor and
        // generated the artifact. One such experiment makes the derivation a qualified one.
        var links: [Digest: [Digest]] = [:]
        for artifact in catalog.artifacts where !artifact.derivedFrom.isEmpty {
            links[artifact.digest] = artifact.derivedFrom
        }
        var deriving: [Link: (count: Int, activity: String)] = [:]
        let activities = try Section(), used = try Section(), generated = try Section(), associated = try Section()
        var agents = OrderedJSON.Members()
        var agentIDs = Set<String>()

        try source.forEachExperiment { experiment in
            catalog.see(experiment.value)
            let record = experiment.value
            let activity = PROVIdentifiers.activity(experiment.id)
            activities.add(activity, self.activity(experiment))
            for input in record.inputs {
                used.add("_:used\(used.count + 1)", .object {
                    $0.add("prov:activity", activity)
                    $0.add("prov:entity", PROVIdentifiers.entity(input.digest))
                    $0.add("prov:time", record.startedAt)
                    $0.add("prov:role", input.role)
                })
            }
            for output in record.outputs {
                generated.add("_:generated\(generated.count + 1)", .object {
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
            associated.add("_:associated\(associated.count + 1)", .object {
                $0.add("prov:activity", activity)
                $0.add("prov:agent", agent)
            })
            for output in Set(record.outputs.map(\.digest)) {
                for ancestor in links[output] ?? [] where record.inputs.contains(where: { $0.digest == ancestor }) {
                    let link = Link(digest: output, ancestor: ancestor)
                    deriving[link, default: (0, activity)].count += 1
                }
            }
        }
        catalog.finish()

        var derived = OrderedJSON.Members()
        for artifact in catalog.artifacts {
            for ancestor in artifact.derivedFrom {
                let qualified = deriving[Link(digest: artifact.digest, ancestor: ancestor)]
                derived.add("_:derived\(derived.pairs.count + 1)", .object {
                    $0.add("prov:generatedEntity", PROVIdentifiers.entity(artifact.digest))
                    $0.add("prov:usedEntity", PROVIdentifiers.entity(ancestor))
                    $0.add("prov:activity", qualified.flatMap { $0.count == 1 ? $0.activity : nil })
                })
            }
        }

        var document = JSONStream.object(sink, indent: 0)
        document.member("prefix", .object { $0.add("repro", PROVIdentifiers.namespace) })
        if !catalog.artifacts.isEmpty {
            document.memberKey("entity")
            var entities = JSONStream.object(sink, indent: 1)
            for artifact in catalog.artifacts {
                entities.member(PROVIdentifiers.entity(artifact.digest), entity(artifact))
            }
            entities.end()
        }
        try document.member("activity", object: true, items: activities.count, spill: activities.sink)
        document.member("agent", .object(agents))
        try document.member("used", object: true, items: used.count, spill: used.sink)
        try document.member("wasGeneratedBy", object: true, items: generated.count, spill: generated.sink)
        document.member("wasDerivedFrom", .object(derived))
        try document.member("wasAssociatedWith", object: true, items: associated.count, spill: associated.sink)
        document.end()
        sink.write("\n")
        try sink.flush()
    }

    /// A lineage link: `digest` derived from `ancestor`.
    private struct Link: Hashable {
        var digest: Digest
        var ancestor: Digest
    }

    /// A member of the document (an object nested 1 deep) whose members wait in a spill file.
    private final class Section {
        let sink: TextSink
        var count = 0

        init() throws { sink = try TextSink.spill() }

        func add(_ key: String, _ value: OrderedJSON) {
            JSONStream.spilled(value, key: key, to: sink, indent: 1, first: count == 0)
            count += 1
        }
    }

    func entity(_ artifact: ExportedArtifact) -> OrderedJSON {
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

    func activity(_ experiment: LedgerSnapshot.Entry<ExperimentRecord>) -> OrderedJSON {
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
}
