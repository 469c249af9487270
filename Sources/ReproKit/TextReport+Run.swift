import Foundation
import LedgerCore

extension TextReport {
    /// The lines `repro run` adds: the interrupting signal, what a trace observed, the compute.
    static func runDetails(_ x: ExperimentRecord) -> [String] {
        var lines: [String] = []
        if let signal = x.interruptedBy { lines.append("  interrupted by \(safe(signal))") }
        for use in x.observedInputs ?? [] { lines.append("  opened   \(short(use.digest))  \(safe(use.name))") }
        for use in x.unopenedInputs ?? [] { lines.append("  never opened: \(safe(use.name))") }
        if let compute = x.compute {
            let seconds = { (ms: Int64) in String(format: "%.1f s", Double(ms) / 1000) }
            let machine = compute.machine
            let gpus = machine.gpus.isEmpty ? "no GPU recorded" : "\(machine.gpus.count) GPU\(machine.gpus.count == 1 ? "" : "s") (\(safe(machine.gpus[0].name)))"
            lines.append("  compute: \(seconds(compute.wallMilliseconds)) wall, \(seconds(compute.userCPUMilliseconds)) user, "
                + "\(seconds(compute.systemCPUMilliseconds)) system, \(compute.peakRSSBytes.map { "peak \($0 / 1_048_576) MiB" } ?? "peak memory not measured (below repro's own)")")
            lines.append("  machine: \(safe(machine.host)), \(machine.cpuCount) CPUs\(machine.cpuModel.map { " (\(safe($0)))" } ?? ""), \(gpus)")
        }
        return lines
    }
}
