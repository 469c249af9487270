import LedgerCore
@testable import LedgerExport

/// The straightforward fold the streamed exports and graphs must equal byte for byte: every
/// record in memory, each document built whole as one value and printed at the end (what
/// the exporters did before they streamed). Items (a component, a workflow, an entity, a
/// node line) come from the exporters' own builders; the folds and the assembly are here.
enum ReferenceExports {
    /// One merged entry per digest: recorded artifacts in first-recorded order, then digests
    /// only experiments name, then digests only lineage links name.
    struct Model {
        var artifacts: [ExportedArtifact] = []
        var experiments: [LedgerSnapshot.Entry<ExperimentRecord>]
        var ledgers: [String]
        var latestRecordTime: String?
        var positions: [Digest: Int] = [:]

        init(_ snapshot: LedgerSnapshot, asOf: CalendarDay?) {
            var snapshot = snapshot
            snapshot.sort()
            ledgers = snapshot.ledgers
            var seen = Set<Digest>()
            experiments = snapshot.experiments.filter { seen.insert($0.id).inserted }
            var times = snapshot.artifacts.map(\.value.recordedAt) + snapshot.events.map(\.value.recordedAt)
            times += snapshot.experiments.flatMap { [$0.value.startedAt] + ($0.value.endedAt.map { [$0] } ?? []) }
            times += snapshot.licenses.map(\.value.recordedAt)
            latestRecordTime = times.filter(ExportOptions.isUTCTimestamp).max()
            let views = snapshot.artifactViews(asOf: asOf)
            for digest in snapshot.artifactDigests { insert(ExportedArtifact(views[digest]!)) }
            for experiment in snapshot.experiments {
                for use in experiment.value.inputs + experiment.value.outputs where positions[use.digest] == nil {
                    insert(ExportedArtifact(digest: use.digest, name: use.name))
                }
            }
            for artifact in artifacts {
                for ancestor in artifact.derivedFrom where positions[ancestor] == nil {
                    insert(ExportedArtifact(digest: ancestor, name: ancestor.description))
                }
            }
            for index in artifacts.indices {
                artifacts[index].availability = views[artifacts[index].digest]?.availability
                artifacts[index].retainedCopy = views[artifacts[index].digest]?.retainedCopy
            }
        }

        func artifact(_ digest: Digest) -> ExportedArtifact? { positions[digest].map { artifacts[$0] } }

        mutating func insert(_ artifact: ExportedArtifact) {
            positions[artifact.digest] = artifacts.count
            artifacts.append(artifact)
        }
    }

    static func export(_ snapshot: LedgerSnapshot, format: ExportFormat, options: ExportOptions) throws -> String {
        let model = Model(snapshot, asOf: options.asOf)
        switch format {
        case .cyclonedx: return cycloneDX(snapshot, model, options)
        case .prov: return try prov(model, options)
        case .bibtex: return try bibTeX(model, options)
        }
    }

    static func cycloneDX(_ snapshot: LedgerSnapshot, _ model: Model, _ options: ExportOptions) -> String {
        var ids = snapshot.artifacts.map(\.id) + snapshot.events.map(\.id) + snapshot.experiments.map(\.id)
        ids += snapshot.manifests.map(\.id) + snapshot.licenses.map(\.id) + snapshot.seals.map(\.id)
        let serialNumber = ContentUUID.make(from: ContentUUID.lines(
            ids: Set(ids).sorted(), ledgers: snapshot.ledgers, options: options, purpose: "cyclonedx"))
        var byLedger: [(ledger: String, workflows: [OrderedJSON])] = []
        for experiment in model.experiments {
            let workflow = ReferenceWorkflow.workflow(experiment, in: model.artifact)
            if let index = byLedger.firstIndex(where: { $0.ledger == experiment.ledger }) {
                byLedger[index].workflows.append(workflow)
            } else {
                byLedger.append((experiment.ledger, [workflow]))
            }
        }
        let document = OrderedJSON.object {
            $0.add("$schema", "http://cyclonedx.org/schema/bom-1.6.schema.json")
            $0.add("bomFormat", "CycloneDX")
            $0.add("specVersion", "1.6")
            $0.add("serialNumber", "urn:uuid:" + serialNumber)
            $0.add("version", .integer(1))
            $0.add("metadata", .object {
                $0.add("timestamp", options.timestamp ?? model.latestRecordTime ?? "1970-01-01T00:00:00Z")
                $0.add("tools", .object {
                    $0.add("components", .array([.object {
                        $0.add("type", "application")
                        $0.add("name", "repro")
                        $0.add("description", "ReproLedger, a reproducibility ledger for ML research papers")
                    }]))
                })
                var properties = CycloneDXProperties()
                for ledger in model.ledgers { properties.add("ledger", ledger) }
                properties.add("as-of", options.asOf?.text)
                $0.add("properties", properties.json)
            })
            $0.add("components", .array(model.artifacts.map {
                CycloneDXComponent.make($0, in: model.artifact, serialNumber: serialNumber)
            }))
            $0.add("formulation", .array(byLedger.map { group in
                .object {
                    $0.add("bom-ref", "repro:ledger:\(group.ledger)")
                    $0.add("workflows", .array(group.workflows))
                    var properties = CycloneDXProperties()
                    properties.add("ledger", group.ledger)
                    $0.add("properties", properties.json)
                }
            }))
        }
        return document.prettyPrinted
    }

    static func prov(_ model: Model, _ options: ExportOptions) throws -> String {
        let exporter = try PROVExporter(options: options)
        var producers: [Digest: [LedgerSnapshot.Entry<ExperimentRecord>]] = [:]
        for experiment in model.experiments {
            for output in Set(experiment.value.outputs.map(\.digest)) { producers[output, default: []].append(experiment) }
        }
        var agents = OrderedJSON.Members(), used = OrderedJSON.Members(), generated = OrderedJSON.Members()
        var derived = OrderedJSON.Members(), associated = OrderedJSON.Members()
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
                let candidates = (producers[artifact.digest] ?? []).filter { experiment in
                    experiment.value.inputs.contains { $0.digest == ancestor }
                }
                derived.add("_:derived\(derived.pairs.count + 1)", .object {
                    $0.add("prov:generatedEntity", PROVIdentifiers.entity(artifact.digest))
                    $0.add("prov:usedEntity", PROVIdentifiers.entity(ancestor))
                    $0.add("prov:activity", candidates.count == 1 ? PROVIdentifiers.activity(candidates[0].id) : nil)
                })
            }
        }
        let document = OrderedJSON.object {
            $0.add("prefix", .object { $0.add("repro", PROVIdentifiers.namespace) })
            $0.add("entity", .object { members in
                for artifact in model.artifacts { members.add(PROVIdentifiers.entity(artifact.digest), exporter.entity(artifact)) }
            })
            $0.add("activity", .object { members in
                for experiment in model.experiments {
                    members.add(PROVIdentifiers.activity(experiment.id), exporter.activity(experiment))
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

    static func bibTeX(_ model: Model, _ options: ExportOptions) throws -> String {
        let exporter = try BibTeXExporter(options: options)
        let cited = model.artifacts.filter { $0.kind == .checkpoint || $0.kind == .dataset }
        let keys = BibTeXKeys.assign(cited)
        var out = "% Checkpoints and datasets recorded in ledger"
            + (model.ledgers.count == 1 ? " " : "s ") + LaTeX.escape(model.ledgers.joined(separator: ", "), in: .comment)
            + "; written by repro export --format bibtex.\n"
        if let asOf = options.asOf { out += "% Availability as of \(asOf).\n" }
        for artifact in cited { out += "\n" + exporter.entry(artifact, key: keys[artifact.digest]!) }
        return out
    }

    static func graph(_ snapshot: LedgerSnapshot, format: GraphFormat) -> String {
        let model = Model(snapshot, asOf: nil)
        var nodes: [LineageGraph.Node] = [], edges: [LineageGraph.Edge] = []
        var artifactIDs: [Digest: String] = [:]
        for (index, artifact) in model.artifacts.enumerated() {
            let id = "a\(index + 1)"
            artifactIDs[artifact.digest] = id
            var detail = artifact.kind?.rawValue ?? "not recorded in these ledgers"
            if let limit = artifact.limitingStatus { detail += ", " + limit.status.phrase + " as of " + limit.asOf }
            nodes.append(LineageGraph.Node(id: id, lines: [artifact.name, detail], shape: .artifact,
                                           limit: artifact.limitingStatus?.status))
        }
        var seen = Set<LineageGraph.Edge>()
        func connect(_ edge: LineageGraph.Edge) { if seen.insert(edge).inserted { edges.append(edge) } }
        for (index, experiment) in model.experiments.enumerated() {
            let id = "e\(index + 1)"
            let record = experiment.value
            var detail = [record.section, record.outcome.endedEarly ? record.outcome.rawValue : nil].compactMap { $0 }
            if detail.isEmpty { detail = ["experiment"] }
            nodes.append(LineageGraph.Node(id: id, lines: [record.name, detail.joined(separator: ", ")], shape: .experiment))
            for input in record.inputs { connect(.init(from: artifactIDs[input.digest]!, to: id, isDerivation: false)) }
            for output in record.outputs { connect(.init(from: id, to: artifactIDs[output.digest]!, isDerivation: false)) }
        }
        for artifact in model.artifacts {
            for ancestor in artifact.derivedFrom {
                connect(.init(from: artifactIDs[ancestor]!, to: artifactIDs[artifact.digest]!, isDerivation: true))
            }
        }
        let renderer: any GraphRenderer = format == .mermaid ? MermaidRenderer() : DOTRenderer()
        return renderer.header + nodes.map(renderer.line).joined() + edges.map(renderer.line).joined()
            + renderer.footer(limits: Set(nodes.compactMap(\.limit)))
    }
}

/// A CycloneDX workflow built as an `OrderedJSON` tree, the straightforward way the exporter
/// once did: the reference its byte writer (`CycloneDXFormulation.writeWorkflow`) is checked against.
enum ReferenceWorkflow {
    static func workflow(_ experiment: LedgerSnapshot.Entry<ExperimentRecord>, in model: (Digest) -> ExportedArtifact?) -> OrderedJSON {
        let record = experiment.value
        return .object {
            $0.add("bom-ref", CycloneDXFormulation.reference(experiment))
            $0.add("uid", experiment.id.description)
            $0.add("name", record.name)
            $0.add("description", record.note)
            $0.add("taskTypes", .array([.string(CycloneDXFormulation.taskType(record, in: model))]))
            if let command = record.command {
                $0.add("steps", .array([.object {
                    $0.add("name", "command")
                    $0.add("commands", .array([.object { $0.add("executed", ShellQuoting.line(command)) }]))
                }]))
            }
            // The schema wants inputs and outputs unique; a use listed twice is one resource.
            $0.add("inputs", .array(unique(record.inputs).map { use in
                .object {
                    $0.add("resource", .object { $0.add("ref", use.digest.description) })
                    $0.add("properties", CycloneDXFormulation.role(use).json)
                }
            }))
            $0.add("outputs", .array(unique(record.outputs).map { use in
                .object {
                    $0.add("type", "artifact")
                    $0.add("resource", .object { $0.add("ref", use.digest.description) })
                    $0.add("properties", CycloneDXFormulation.role(use).json)
                }
            }))
            $0.add("timeStart", record.startedAt)
            $0.add("timeEnd", record.endedAt)
            $0.add("properties", CycloneDXFormulation.properties(experiment).json)
        }
    }

    /// First occurrences, in order.
    private static func unique(_ uses: [ArtifactUse]) -> [ArtifactUse] {
        var seen = Set<ArtifactUse>()
        return uses.filter { seen.insert($0).inserted }
    }
}
