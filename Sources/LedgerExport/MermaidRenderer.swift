import LedgerCore

/// Mermaid `flowchart` text: artifacts as boxes, experiments as stadiums, lineage dashed,
/// limited artifacts in a coloured, dashed-border class and named in their label.
struct MermaidRenderer: GraphRenderer {
    var header: String { "flowchart LR\n" }

    func line(_ node: LineageGraph.Node) -> String {
        let label = "\"" + node.lines.map(Self.escaped).joined(separator: "<br/>") + "\""
        let shape = node.shape == .artifact ? "[\(label)]" : "([\(label)])"
        var line = "  \(node.id)\(shape)"
        if let limit = node.limit {
            line += ":::" + GraphStyle.className(limit)
        }
        return line + "\n"
    }

    func line(_ edge: LineageGraph.Edge) -> String {
        edge.isDerivation ? "  \(edge.from) -.->|derived from| \(edge.to)\n" : "  \(edge.from) --> \(edge.to)\n"
    }

    func footer(limits: Set<AvailabilityStatus>) -> String {
        var out = ""
        for limit in GraphStyle.marked where limits.contains(limit) {
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
