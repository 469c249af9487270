/// Mermaid `flowchart` text: artifacts as boxes, experiments as stadiums, lineage dashed,
/// limited artifacts in a coloured, dashed-border class and named in their label.
enum MermaidRenderer {
    static func render(_ graph: LineageGraph) -> String {
        var out = "flowchart LR\n"
        var classes: [String] = []
        for node in graph.nodes {
            let label = "\"" + node.lines.map(escaped).joined(separator: "<br/>") + "\""
            let shape = node.shape == .artifact ? "[\(label)]" : "([\(label)])"
            var line = "  \(node.id)\(shape)"
            if let limit = node.limit {
                let name = GraphStyle.className(limit)
                line += ":::" + name
                if !classes.contains(name) { classes.append(name) }
            }
            out += line + "\n"
        }
        for edge in graph.edges {
            out += edge.isDerivation ? "  \(edge.from) -.->|derived from| \(edge.to)\n" : "  \(edge.from) --> \(edge.to)\n"
        }
        for limit in GraphStyle.marked where classes.contains(GraphStyle.className(limit)) {
            let colors = GraphStyle.colors(limit)
            out += "  classDef \(GraphStyle.className(limit)) fill:\(colors.fill),stroke:\(colors.stroke),"
                + "stroke-width:2px,stroke-dasharray:5 3\n"
        }
        return out
    }

    /// Mermaid entity codes for what would end the quoted label or be read as markup.
    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\"": out += "#quot;"
            case "#": out += "#35;"
            case "&": out += "#amp;"
            case "<": out += "#lt;"
            case ">": out += "#gt;"
            case "`": out += "#96;"
            default: out.append(character)
            }
        }
        return out
    }
}
