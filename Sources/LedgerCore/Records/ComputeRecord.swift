/// The compute one `repro run` used, on which machine: what the NeurIPS checklist asks for
/// (type of workers, memory, time), kept for failed and interrupted runs too.
/// Integers only, so a record's canonical bytes never depend on float formatting.
public struct ComputeRecord: Codable, Hashable, Sendable {
    public var wallMilliseconds: Int64
    /// User and system CPU time of the whole process tree (getrusage of reaped children).
    public var userCPUMilliseconds: Int64
    public var systemCPUMilliseconds: Int64
    /// Peak resident set of the largest process in the tree (ru_maxrss), in bytes; absent
    /// when it was no larger than repro's own, which Linux counts in it (see ChildUsage).
    public var peakRSSBytes: Int64?
    public var machine: MachineRecord

    public init(wallMilliseconds: Int64, userCPUMilliseconds: Int64, systemCPUMilliseconds: Int64,
                peakRSSBytes: Int64?, machine: MachineRecord) {
        self.wallMilliseconds = wallMilliseconds
        self.userCPUMilliseconds = userCPUMilliseconds
        self.systemCPUMilliseconds = systemCPUMilliseconds
        self.peakRSSBytes = peakRSSBytes
        self.machine = machine
    }
}

/// The machine a run used. `gpus` is empty when no GPU was recorded (no `nvidia-smi`).
public struct MachineRecord: Codable, Hashable, Sendable {
    public var host: String
    public var cpuModel: String?
    public var cpuCount: Int
    public var memoryTotalBytes: Int64?
    public var gpus: [GPURecord]

    public init(host: String, cpuModel: String?, cpuCount: Int, memoryTotalBytes: Int64?, gpus: [GPURecord]) {
        self.host = host
        self.cpuModel = cpuModel
        self.cpuCount = cpuCount
        self.memoryTotalBytes = memoryTotalBytes
        self.gpus = gpus
    }
}

/// One GPU as `nvidia-smi --query-gpu=name,memory.total,driver_version` reports it.
public struct GPURecord: Codable, Hashable, Sendable {
    public var name: String
    public var memoryMiB: Int64?
    public var driver: String

    public init(name: String, memoryMiB: Int64?, driver: String) {
        self.name = name
        self.memoryMiB = memoryMiB
        self.driver = driver
    }
}
