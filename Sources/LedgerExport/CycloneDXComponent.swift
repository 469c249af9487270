import LedgerCore

/// One artifact as a CycloneDX component whose `bom-ref` is its digest.
enum CycloneDXComponent {
    /// The component type, and for `data` the CycloneDX 1.6 data category.
    ///
    /// Checkpoints are `machine-learning-model`. Where CycloneDX 1.6 has a data category for
    /// the kind (dataset, configuration, source-code) the component is `data` with that
    /// category. Tokenizers, results and other artifacts are opaque bytes known by their
    /// digest, which is what `file` means; `library` or `application` would claim a software
    /// package the ledger knows nothing about.
    static func type(of kind: ArtifactKind?) -> (type: String, data: String?) {
        switch kind {
        case .checkpoint: ("machine-learning-model", nil)
        case .dataset: ("data", "dataset")
        case .config: ("data", "configuration")
        case .code: ("data", "source-code")
        case .tokenizer, .result, .other, nil: ("file", nil)
        }
    }

    /// `artifact` looks up the components of the BOM by digest (for the ancestors' stubs).
    static func make(_ artifact: ExportedArtifact, in model: (Digest) -> ExportedArtifact?, serialNumber: String) -> OrderedJSON {
        let (type, dataType) = type(of: artifact.kind)
        return .object {
            $0.add("type", type)
            $0.add("bom-ref", artifact.digest.description)
            $0.add("name", artifact.name)
            $0.add("description", artifact.note)
            $0.add("hashes", hashes(artifact.digest))
            $0.add("licenses", artifact.license.map(CycloneDXLicenses.choice))
            $0.add("externalReferences", .array(artifact.locations.map(reference)))
            $0.add("pedigree", pedigree(artifact, in: model, serialNumber: serialNumber))
            $0.add("data", dataType.map { category in
                .array([.object {
                    $0.add("type", category)
                    $0.add("name", artifact.name)
                }])
            })
            $0.add("properties", properties(artifact).json)
        }
    }

    static func hashes(_ digest: Digest) -> OrderedJSON {
        .array([.object {
            $0.add("alg", "SHA-256")
            $0.add("content", digest.hex)
        }])
    }

    private static func reference(_ location: SourceLocation) -> OrderedJSON {
        .object {
            $0.add("url", location.url)
            $0.add("type", "distribution")
            if case .huggingFace(let repo, let revision) = location.origin {
                $0.add("comment", "Hugging Face repository \(repo) at revision \(revision)")
            }
        }
    }

    /// Ancestors must be whole components, but a `bom-ref` may appear only once per BOM, so
    /// each ancestor is a stub with the same hash and a BOM-Link to the full component here.
    private static func pedigree(_ artifact: ExportedArtifact, in model: (Digest) -> ExportedArtifact?, serialNumber: String) -> OrderedJSON? {
        let ancestors: [OrderedJSON] = artifact.derivedFrom.compactMap { digest in
            guard let ancestor = model(digest) else { return nil }
            return .object {
                $0.add("type", type(of: ancestor.kind).type)
                $0.add("name", ancestor.name)
                $0.add("hashes", hashes(digest))
                $0.add("externalReferences", .array([.object {
                    $0.add("url", "urn:cdx:\(serialNumber)/1#\(digest.description)")
                    $0.add("type", "bom")
                    $0.add("comment", "the ancestor's component in this BOM")
                }]))
            }
        }
        guard !ancestors.isEmpty else { return nil }
        return .object { $0.add("ancestors", .array(ancestors)) }
    }

    private static func properties(_ artifact: ExportedArtifact) -> CycloneDXProperties {
        var properties = CycloneDXProperties()
        if !artifact.isRecorded {
            properties.add("recorded", "false")
        }
        properties.add("kind", artifact.kind?.rawValue)
        properties.add("layout", artifact.layout?.rawValue)
        properties.add("size", artifact.size.map(String.init))
        properties.add("file-count", artifact.fileCount.map(String.init))
        for source in artifact.sources where source.type == .path {
            properties.add("source-path", source.path)
        }
        for ledger in artifact.ledgers {
            properties.add("ledger", ledger)
        }
        properties.add("recorded-at", artifact.firstRecordedAt)
        properties.add("recorded-by", artifact.recordedBy.map { "\($0.user)@\($0.host)" })
        if let availability = artifact.availability {
            properties.add("availability", availability.status.rawValue)
            properties.add("availability-as-of", availability.asOf)
            properties.add("availability-evidence", availability.evidence)
            properties.add("availability-note", availability.note)
        }
        properties.add("retained-copy-as-of", artifact.retainedCopy?.asOf)
        return properties
    }
}
