import LedgerCore

/// A CycloneDX 1.6 JSON BOM of the ledgers: artifacts as components named by digest,
/// experiments as formulation workflows, availability and code state as `repro:` properties.
///
/// `serialNumber` is a UUID derived from the record ids and options; `metadata.timestamp` is
/// the `timestamp` option or the latest record time. Same records and options, same bytes.
/// Streamed: one pass over the experiments, whose workflows wait in spill files while the
/// components (which need every digest the experiments name) are written first.
public struct CycloneDXExporter: DocumentExporter, Sendable {
    public let options: ExportOptions

    public init(options: ExportOptions = ExportOptions()) throws(ExportError) {
        try options.validate()
        self.options = options
    }

    public func write(_ source: some ExportSource, to sink: TextSink) throws {
        var catalog = ExportCatalog(try source.sharedRecords(), asOf: options.asOf)
        let serialNumber = try ContentUUID.make(ids: source.forEachRecordID, ledgers: source.ledgers,
                                                options: options, purpose: "cyclonedx")
        var formulas: [CycloneDXFormulation.Formula] = []
        try source.forEachExperiment { experiment in
            catalog.see(experiment.value)
            let formula: CycloneDXFormulation.Formula
            if let found = formulas.first(where: { $0.ledger == experiment.ledger }) {
                formula = found
            } else {
                formula = try CycloneDXFormulation.Formula(ledger: experiment.ledger)
                formulas.append(formula)
            }
            formula.add(experiment, in: catalog.artifact)
        }
        catalog.finish()

        var document = JSONStream.object(sink, indent: 0)
        document.member("$schema", "http://cyclonedx.org/schema/bom-1.6.schema.json")
        document.member("bomFormat", "CycloneDX")
        document.member("specVersion", "1.6")
        document.member("serialNumber", "urn:uuid:" + serialNumber)
        document.member("version", .integer(1))
        document.member("metadata", metadata(catalog))
        if !catalog.artifacts.isEmpty {
            document.memberKey("components")
            var components = JSONStream.array(sink, indent: 1)
            for artifact in catalog.artifacts {
                components.item(CycloneDXComponent.make(artifact, in: catalog.artifact, serialNumber: serialNumber))
            }
            components.end()
        }
        if !formulas.isEmpty {
            document.memberKey("formulation")
            var formulation = JSONStream.array(sink, indent: 1)
            for formula in formulas { try formula.write(into: &formulation) }
            formulation.end()
        }
        document.end()
        sink.write("\n")
        try sink.flush()
    }

    private func metadata(_ catalog: ExportCatalog) -> OrderedJSON {
        .object {
            $0.add("timestamp", catalog.documentTime(options))
            $0.add("tools", .object {
                $0.add("components", .array([.object {
                    $0.add("type", "application")
                    $0.add("name", "repro")
                    $0.add("description", "ReproLedger, a reproducibility ledger for ML research papers")
                }]))
            })
            var properties = CycloneDXProperties()
            for ledger in catalog.ledgers {
                properties.add("ledger", ledger)
            }
            properties.add("as-of", options.asOf?.text)
            $0.add("properties", properties.json)
        }
    }
}
