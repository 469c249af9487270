import Foundation
import LedgerCore

/// The compute behind the statement's scope, from the compute records of `repro run`: per
/// section, and in total counting every run in scope, failed, interrupted and preliminary
/// (earlier runs a re-run replaced) included, as the NeurIPS checklist asks.
public struct ComputeSummary: Codable, Hashable, Sendable {
    public struct Usage: Codable, Hashable, Sendable {
        public var runs = 0
        /// Runs that failed or were interrupted.
        public var endedEarly = 0
        /// Runs a later run of the same experiment replaced in the paper.
        public var preliminary = 0
        /// Runs recorded without a compute record (`repro tag`, older records).
        public var withoutCompute = 0
        public var wallMilliseconds: Int64 = 0
        public var cpuMilliseconds: Int64 = 0
        /// The largest peak resident set of any run.
        public var peakRSSBytes: Int64 = 0
        /// Distinct machines, in first-use order.
        public var machines: [MachineRecord] = []

        mutating func add(_ run: DisclosureRun, preliminary isPreliminary: Bool) {
            runs += 1
            if run.outcome.endedEarly { endedEarly += 1 }
            if isPreliminary { preliminary += 1 }
            guard let compute = run.compute else { withoutCompute += 1; return }
            // Each figure is at most 2^53 - 1 (the record rules), but a ledger can hold enough
            // of them to pass Int64.max: the total stops there instead of trapping.
            wallMilliseconds = Self.sum(wallMilliseconds, compute.wallMilliseconds)
            cpuMilliseconds = Self.sum(cpuMilliseconds, Self.sum(compute.userCPUMilliseconds, compute.systemCPUMilliseconds))
            peakRSSBytes = max(peakRSSBytes, compute.peakRSSBytes ?? 0)
            if seenMachines.insert(compute.machine).inserted { machines.append(compute.machine) }
        }

        /// Machines already in `machines`: a search of the list per run was quadratic. Not
        /// part of the summary's JSON.
        private var seenMachines: Set<MachineRecord> = []

        private enum CodingKeys: String, CodingKey {
            case runs, endedEarly, preliminary, withoutCompute, wallMilliseconds, cpuMilliseconds, peakRSSBytes, machines
        }

        private static func sum(_ a: Int64, _ b: Int64) -> Int64 {
            let (total, overflow) = a.addingReportingOverflow(b)
            return overflow ? (b < 0 ? Int64.min : Int64.max) : total
        }
    }

    public struct Section: Codable, Hashable, Sendable {
        /// The paper's label; nil for experiments recorded without one.
        public var section: String?
        public var experiments: [String]
        public var usage: Usage
    }

    public var sections: [Section]
    public var total: Usage

    /// Nil when no run in scope carries a compute record, so statements of older ledgers keep their bytes.
    /// `representative` is parallel to `allRuns`: false marks a run a re-run replaced.
    static func make(allRuns: [DisclosureRun], representative: [Bool]) -> ComputeSummary? {
        guard allRuns.contains(where: { $0.compute != nil }) else { return nil }
        var total = Usage()
        var sections: [Section] = []
        // A label's section, or an unlabelled experiment's own; looked up, not searched (quadratic).
        var position: [SectionKey: Int] = [:]
        var named: [Set<String>] = []
        for (offset, run) in allRuns.enumerated() {
            let preliminary = !representative[offset]
            total.add(run, preliminary: preliminary)
            let key = run.section.map(SectionKey.label) ?? .experiment(run.name)
            let index: Int
            if let known = position[key] {
                index = known
            } else {
                index = sections.count
                position[key] = index
                sections.append(Section(section: run.section, experiments: [], usage: Usage()))
                named.append([])
            }
            if named[index].insert(run.name).inserted { sections[index].experiments.append(run.name) }
            sections[index].usage.add(run, preliminary: preliminary)
        }
        return ComputeSummary(sections: sections, total: total)
    }

    private enum SectionKey: Hashable {
        case label(String)
        case experiment(String)
    }
}

extension ComputeSummary.Usage {
    /// "3 runs (1 failed or interrupted, 1 preliminary): 2.5 h wall time, 4.0 CPU-hours, peak memory 1.2 GiB".
    var phrase: String {
        let plural = runs == 1 ? "" : "s"
        if withoutCompute == runs { return "\(runs) run\(plural), recorded without a compute record" }
        var counts: [String] = []
        if endedEarly > 0 { counts.append("\(endedEarly) failed or interrupted") }
        if preliminary > 0 { counts.append("\(preliminary) preliminary") }
        if withoutCompute > 0 { counts.append("\(withoutCompute) without a compute record") }
        let head = "\(runs) run\(plural)" + (counts.isEmpty ? "" : " (\(counts.joined(separator: ", ")))")
        return head + ": " + Self.hours(wallMilliseconds) + " h wall time, " + Self.hours(cpuMilliseconds)
            + " CPU-hours, " + (peakRSSBytes > 0 ? "peak memory " + Self.gibibytes(peakRSSBytes) + " GiB" : "peak memory not measured")
    }

    /// "host (CPU model, 64 CPUs, 512.0 GiB memory, 8 x NVIDIA A100 80 GiB, driver 535.104.05)".
    var machinePhrases: [String] {
        machines.map { machine in
            var parts = [machine.cpuModel.map { "\($0), " } ?? "", "\(machine.cpuCount) CPU\(machine.cpuCount == 1 ? "" : "s")"]
                .joined()
            if let memory = machine.memoryTotalBytes { parts += ", \(Self.gibibytes(memory)) GiB memory" }
            var byModel: [(String, Int)] = []
            for gpu in machine.gpus {
                let label = gpu.name + (gpu.memoryMiB.map { " \(String(format: "%.0f", Double($0) / 1024)) GiB" } ?? "")
                    + ", driver \(gpu.driver)"
                if let index = byModel.firstIndex(where: { $0.0 == label }) { byModel[index].1 += 1 } else { byModel.append((label, 1)) }
            }
            parts += byModel.isEmpty ? ", no GPU recorded" : byModel.map { ", \($0.1) x \($0.0)" }.joined()
            return "\(machine.host) (\(parts))"
        }
    }

    static func hours(_ milliseconds: Int64) -> String {
        let hours = Double(milliseconds) / 3_600_000
        return hours < 0.1 && milliseconds > 0 ? String(format: "%.3f", hours) : String(format: "%.1f", hours)
    }

    static func gibibytes(_ bytes: Int64) -> String { String(format: "%.1f", Double(bytes) / 1_073_741_824) }
}
