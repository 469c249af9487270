import LedgerCore

extension TextReport {
    /// One line per artifact (state, name, source, status), then its findings indented.
    /// Findings quote what a server said (a license, an error code, a redirect, an ETag):
    /// every line is printed with its control characters escaped, so a server cannot move
    /// the cursor, clear the screen or retitle the terminal.
    public static func upstream(_ report: UpstreamReport) -> String {
        var lines: [String] = []
        for item in report.artifacts {
            let status = item.status.map(\.rawValue) ?? "not concluded"
            lines.append(item.state.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
                + "\(item.name)  \(item.source)  \(status)")
            for finding in item.findings { lines.append("    \(finding)") }
            if let recorded = item.recorded { lines.append("    recorded \(recorded)") }
        }
        let counts = UpstreamResult.State.allCases.compactMap { state -> String? in
            let count = report.artifacts.filter { $0.state == state }.count
            return count == 0 ? nil : "\(count) \(state.rawValue)"
        }
        lines.append(report.artifacts.isEmpty ? "no artifact has a Hugging Face or http(s) source" : counts.joined(separator: ", "))
        return lines.map(TerminalText.controlsEscaped).joined(separator: "\n") + "\n"
    }
}
