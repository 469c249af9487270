import Foundation
import LedgerCore

/// `repro run --trace`: the command runs under strace, which stops the traced processes only
/// at the open family and renames (seccomp-bpf filter), and logs each call to a file.
struct TraceSession {
    static let syscalls = "open,openat,openat2,creat,rename,renameat,renameat2"
    static let installHint = "install it with `apt-get install strace` (Debian, Ubuntu) or your system's package manager"

    let strace: String
    let log: String

    /// Finds strace and proves it may trace here (ptrace can be forbidden by a container's
    /// seccomp profile or `kernel.yama.ptrace_scope`), before the command starts.
    static func prepare(environment: [String: String], logFolder: URL) throws -> TraceSession {
        guard let strace = ExecutableSearch.find("strace", path: environment["PATH"] ?? "/usr/bin:/bin") else {
            throw RunError.traceUnavailable("strace is not installed (not found on PATH); \(installHint)")
        }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: strace)
        probe.arguments = ["-f", "-qq", "--seccomp-bpf", "-e", "trace=\(syscalls)", "-o", "/dev/null", "--", "/bin/true"]
        let errors = Pipe()
        probe.standardError = errors
        probe.standardOutput = FileHandle.nullDevice
        probe.standardInput = FileHandle.nullDevice
        do { try probe.run() } catch {
            throw RunError.traceUnavailable("cannot start \(strace): \(error.localizedDescription); \(installHint)")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        probe.waitUntilExit()
        guard probe.terminationReason == .exit, probe.terminationStatus == 0 else {
            let first = message.split(separator: "\n").first.map(String.init) ?? "exit status \(probe.terminationStatus)"
            throw RunError.traceUnavailable(
                "strace cannot trace here (\(first)); ptrace is not permitted: allow it (e.g. `docker run --cap-add SYS_PTRACE`, "
                + "`sysctl kernel.yama.ptrace_scope=0`) or run without --trace")
        }
        do throws(FileSystemError) {
            _ = try OpenFolder.at(logFolder.deletingLastPathComponent().path, followingLinks: true)
                .makeFolder(logFolder.lastPathComponent, durable: false)
        } catch {
            throw RunError.traceUnavailable("cannot create \(logFolder.path) for the trace: \(error.reason)")
        }
        let log = logFolder.appendingPathComponent("trace-\(getpid()).log").path
        return TraceSession(strace: strace, log: log)
    }

    /// The command line that runs `command` under strace; strace exits with the command's status
    /// (and kills itself with the command's signal), so the status passes through.
    func wrap(_ command: [String]) -> [String] {
        [strace, "-f", "-qq", "-y", "--seccomp-bpf", "-e", "trace=\(Self.syscalls)", "-e", "signal=none", "-o", log, "--"]
            + command
    }

    /// The log parsed chunk by chunk (a long run's log can be large), then removed.
    func read() -> StraceLog {
        defer { try? FileManager.default.removeItem(atPath: log) }
        var parsed = StraceLog()
        guard let handle = FileHandle(forReadingAtPath: log) else { return parsed }
        defer { try? handle.close() }
        var carry: [UInt8] = []
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            carry += chunk
            guard let lastNewline = carry.lastIndex(of: 0x0a) else { continue }
            let text = String(decoding: carry[...lastNewline], as: UTF8.self)
            for line in text.split(separator: "\n") { parsed.add(line) }
            carry.removeSubrange(...lastNewline)
        }
        if !carry.isEmpty { parsed.add(Substring(String(decoding: carry, as: UTF8.self))) }
        return parsed
    }
}
