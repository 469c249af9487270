import LedgerCore

/// Graphviz `digraph` text: artifacts as boxes, experiments as ellipses, lineage dashed,
/// limited artifacts filled and bold-bordered and named in their label.
struct DOTRenderer: GraphRenderer {
    var header: String {
        "digraph lineage {\n" + "  rankdir=LR;\n" + "  node [fontname=\"Helvetica\", fontsize=10];\n"
            + "  edge [fontname=\"Helvetica\", fontsize=9];\n"
    }

    func line(_ node: LineageGraph.Node) -> String {
        var attributes = [node.shape == .artifact ? "shape=box" : "shape=ellipse"]
        attributes.append("label=\"" + node.lines.map(Self.escaped).joined(separator: "\\n") + "\"")
        if let limit = node.limit {
            let colors = GraphStyle.colors(limit)
            attributes += ["style=\"filled,bold,dashed\"", "fillcolor=\"\(colors.fill)\"", "color=\"\(colors.stroke)\"",
                           "class=\"\(GraphStyle.className(limit))\""]
        }
        return "  \(node.id) [\(attributes.joined(separator: ", "))];\n"
    }

    func line(_ edge: LineageGraph.Edge) -> String {
        "  \(edge.from) -> \(edge.to)" + (edge.isDerivation ? " [style=dashed, label=\"derived from\"]" : "") + ";\n"
    }

    func footer(limits: Set<AvailabilityStatus>) -> String { "}\n" }

    /// Inside a quoted DOT string only `"` and `\` are special (`\` starts `\n`, `\N`, …).
    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "\"" || character == "\\" { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
