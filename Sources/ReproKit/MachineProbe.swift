import Foundation
import LedgerCore

/// What kind of machine a run used, read from /proc and `nvidia-smi`. Missing facts are left
/// out rather than guessed; an absent `nvidia-smi` means no GPU is recorded, not an error.
enum MachineProbe {
    static func probe(host: String, environment: [String: String]) -> MachineRecord {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let meminfo = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? ""
        return MachineRecord(host: host, cpuModel: cpuModel(cpuinfo),
                             cpuCount: ProcessInfo.processInfo.activeProcessorCount,
                             memoryTotalBytes: memoryTotal(meminfo), gpus: gpus(environment: environment))
    }

    /// The first `model name` line of /proc/cpuinfo.
    static func cpuModel(_ cpuinfo: String) -> String? {
        for line in cpuinfo.split(separator: "\n") where line.hasPrefix("model name") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let model = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if !model.isEmpty { return model }
        }
        return nil
    }

    /// `MemTotal:  16318480 kB` → bytes.
    static func memoryTotal(_ meminfo: String) -> Int64? {
        for line in meminfo.split(separator: "\n") where line.hasPrefix("MemTotal:") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 2, let kib = Int64(fields[1]) else { return nil }
            return kib * 1024
        }
        return nil
    }

    /// GPUs from `nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader`,
    /// found on PATH; empty when it is absent or fails.
    static func gpus(environment: [String: String]) -> [GPURecord] {
        let path = environment["PATH"] ?? "/usr/bin:/bin"
        guard let tool = ExecutableSearch.find("nvidia-smi", path: path) else { return [] }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["--query-gpu=name,memory.total,driver_version", "--format=csv,noheader"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return [] }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else { return [] }
        return parseGPUs(String(decoding: data, as: UTF8.self))
    }

    /// `NVIDIA A100-SXM4-80GB, 81920 MiB, 535.104.05` per line.
    static func parseGPUs(_ csv: String) -> [GPURecord] {
        csv.split(whereSeparator: \.isNewline).compactMap { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count == 3, !fields[0].isEmpty else { return nil }
            let memory = fields[1].hasSuffix(" MiB") ? Int64(fields[1].dropLast(4)) : nil
            return GPURecord(name: fields[0], memoryMiB: memory, driver: fields[2])
        }
    }
}

/// Finds a program on PATH the way a shell does.
enum ExecutableSearch {
    static func find(_ name: String, path: String) -> String? {
        if name.contains("/") { return access(name, X_OK) == 0 ? name : nil }
        for folder in path.split(separator: ":", omittingEmptySubsequences: false) {
            let candidate = (folder.isEmpty ? "." : String(folder)) + "/" + name
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue,
               access(candidate, X_OK) == 0 {
                return candidate
            }
        }
        return nil
    }
}
