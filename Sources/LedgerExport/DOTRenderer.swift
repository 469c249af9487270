/// Graphviz `digraph` text: artifacts as boxes, experiments as ellipses, lineage dashed,
/// limited artifacts filled and bold-bordered and named in their label.
enum DOTRenderer {
    static func render(_ graph: LineageGraph) -> String {
        var out = "digraph lineage {\n"
        out += "  rankdir=LR;\n"
        out += "  node [fontname=\"Helvetica\", fontsize=10];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=9];\n"
        for node in graph.nodes {
            var attributes = [node.shape == .artifact ? "shape=box" : "shape=ellipse"]
            attributes.append("label=\"" + node.lines.map(escaped).joined(separator: "\\n") + "\"")
            if let limit = node.limit {
                let colors = GraphStyle.colors(limit)
                attributes += ["style=\"filled,bold,dashed\"", "fillcolor=\"\(colors.fill)\"", "color=\"\(colors.stroke)\"",
                               "class=\"\(GraphStyle.className(limit))\""]
            }
            out += "  \(node.id) [\(attributes.joined(separator: ", "))];\n"
        }
        for edge in graph.edges {
            out += "  \(edge.from) -> \(edge.to)" + (edge.isDerivation ? " [style=dashed, label=\"derived from\"]" : "") + ";\n"
        }
        return out + "}\n"
    }

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
