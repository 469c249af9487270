import LedgerCore

extension TextReport {
    /// One line per artifact (state, name, source, status), then its findings indented.
    public static func upstream(_ report: UpstreamReport) -> String {
        var text = ""
        for item in report.artifacts {
            let status = item.status.map(\.rawValue) ?? "not concluded"
            text += item.state.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0)
                + "\(item.name)  \(item.source)  \(status)\n"
            for finding in item.findings { text += "    \(finding)\n" }
            if let recorded = item.recorded { text += "    recorded \(recorded)\n" }
        }
        let counts = UpstreamResult.State.allCases.compactMap { state -> String? in
            let count = report.artifacts.filter { $0.state == state }.count
            return count == 0 ? nil : "\(count) \(state.rawValue)"
        }
        text += report.artifacts.isEmpty ? "no artifact has a Hugging Face or http(s) source\n" : counts.joined(separator: ", ") + "\n"
        return text
    }
}
