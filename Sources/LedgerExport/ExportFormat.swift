/// The interchange formats `repro export --format` writes.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// CycloneDX 1.6 JSON bill of materials, for supply-chain and ML-BOM tools.
    case cyclonedx
    /// W3C PROV-JSON, for provenance tools and graph stores.
    case prov
    /// BibTeX `@misc` entries, so a paper can cite the exact checkpoints and datasets.
    case bibtex
}

/// The diagram languages `repro graph --format` writes.
public enum GraphFormat: String, CaseIterable, Sendable {
    /// Renders inline on GitHub, GitLab and in many Markdown editors.
    case mermaid
    /// Graphviz, for figures (`dot -Tpdf`).
    case dot
}
