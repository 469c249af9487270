import LedgerCore
import LedgerReport

extension TextReport {
    /// `repro coverage` as text: what is not backed first, since that is what to act on.
    /// Labels, inputs and file names come from the paper's files: each line is printed with
    /// its control characters escaped.
    public static func coverage(_ report: CoverageReport) -> String {
        let checked = report.backed.count + report.notBacked.count
        var lines = ["\(checked) \(checked == 1 ? "label" : "labels") of \(report.checked.joined(separator: ", ")) in "
            + "\(report.files.count) \(report.files.count == 1 ? "file" : "files"): \(report.backed.count) backed, "
            + "\(report.notBacked.count) not backed"]
        if !report.notBacked.isEmpty {
            lines.append("not backed by a recorded experiment:")
            for label in report.notBacked {
                let failed = label.failedExperiments.isEmpty ? ""
                    : " (only failed runs: \(label.failedExperiments.joined(separator: ", ")))"
                lines.append("  \(label.file):\(label.line)  \(label.kind)  \(label.label)\(failed)")
            }
        }
        if !report.backed.isEmpty {
            lines.append("backed:")
            for label in report.backed {
                lines.append("  \(label.file):\(label.line)  \(label.kind)  \(label.label)  \(label.experiments.joined(separator: ", "))")
            }
        }
        if !report.notInPaper.isEmpty {
            lines.append("recorded section labels not in the paper (renamed or removed?):")
            for missing in report.notInPaper {
                lines.append("  \(missing.section)  \(missing.experiments.joined(separator: ", "))")
            }
        }
        if !report.skipped.isEmpty {
            lines.append("inputs not read:")
            for skipped in report.skipped {
                lines.append("  \(skipped.file):\(skipped.line)  \(skipped.target): \(skipped.reason)")
            }
        }
        return lines.map(TerminalText.controlsEscaped).joined(separator: "\n") + "\n"
    }
}
