import LedgerCore

/// A CycloneDX 1.6 JSON BOM of the ledgers: artifacts as components named by digest,
/// experiments as formulation workflows, availability and code state as `repro:` properties.
///
/// `serialNumber` is a UUID derived from the record ids and options; `metadata.timestamp` is
/// the `timestamp` option or the latest record time. Same snapshot and options, same bytes.
public struct CycloneDXExporter: Sendable {
    public let options: ExportOptions

    public init(options: ExportOptions = ExportOptions()) throws(ExportError) {
        try options.validate()
        self.options = options
    }

    public func render(_ snapshot: LedgerSnapshot) -> String {
        let model = ExportModel(snapshot, asOf: options.asOf)
        let serialNumber = ContentUUID.make(from: ContentUUID.lines(for: snapshot, options: options, purpose: "cyclonedx"))
        let document = OrderedJSON.object {
            $0.add("$schema", "http://cyclonedx.org/schema/bom-1.6.schema.json")
            $0.add("bomFormat", "CycloneDX")
            $0.add("specVersion", "1.6")
            $0.add("serialNumber", "urn:uuid:" + serialNumber)
            $0.add("version", .integer(1))
            $0.add("metadata", metadata(model))
            $0.add("components", .array(model.artifacts.map {
                CycloneDXComponent.make($0, in: model, serialNumber: serialNumber)
            }))
            $0.add("formulation", CycloneDXFormulation.make(model))
        }
        return document.prettyPrinted
    }

    private func metadata(_ model: ExportModel) -> OrderedJSON {
        .object {
            $0.add("timestamp", model.documentTime(options))
            $0.add("tools", .object {
                $0.add("components", .array([.object {
                    $0.add("type", "application")
                    $0.add("name", "repro")
                    $0.add("description", "ReproLedger, a reproducibility ledger for ML research papers")
                }]))
            })
            var properties = CycloneDXProperties()
            for ledger in model.ledgers {
                properties.add("ledger", ledger)
            }
            properties.add("as-of", options.asOf)
            $0.add("properties", properties.json)
        }
    }
}
