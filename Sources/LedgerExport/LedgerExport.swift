// Interchange formats: CycloneDX, W3C PROV-JSON, BibTeX, lineage graphs.
