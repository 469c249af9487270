// The report layer: license catalog, limitation analysis, renderers.
