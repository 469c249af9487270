import Dispatch
import Foundation
import LedgerCore
import Subprocess
#if canImport(System)
import System
#else
import SystemPackage
#endif
#if canImport(Glibc)
import Glibc
#endif

/// How the command of a `repro run` ended, and what it used.
public struct SupervisedRun: Sendable {
    /// The command's status as a shell reports it: its exit code, or 128 + signal when killed.
    public var exitStatus: Int32
    /// The first SIGINT, SIGTERM or SIGHUP `repro` received while the command ran.
    public var interruptedBy: Int32?
    public var wallMilliseconds: Int64
    public var usage: ChildUsage
}

/// Runs the experiment's command as if typed directly: in `repro`'s own process group (so a
/// command reading the terminal is not stopped by SIGTTIN), with the terminal's descriptors,
/// forwarding SIGINT, SIGTERM and SIGHUP and always waiting for it to end.
enum RunSupervisor {
    /// `stdoutToStderr` keeps our own stdout for the one JSON document `--json` promises.
    /// `forwardToGrandchild`: signals go to the command strace started, since strace blocks them.
    /// `forwarder` is the caller's: it outlives the command, through the recording.
    static func run(_ argv: [String], in directory: URL, stdoutToStderr: Bool,
                    forwardToGrandchild: Bool = false, forwarder: SignalForwarder) throws -> SupervisedRun {
        let executable: Executable = argv[0].contains("/")
            ? .path(FilePath(URL(fileURLWithPath: argv[0], relativeTo: directory).standardizedFileURL.path))
            : .name(argv[0])
        let configuration = Configuration(executable: executable, arguments: Arguments(Array(argv.dropFirst())),
                                          environment: .inherit, workingDirectory: FilePath(directory.path))
        let usageBefore = ChildUsage.current()
        let started = monotonicMilliseconds()
        let status = try blocking { () async throws -> TerminationStatus in
            let output: FileDescriptorOutput = stdoutToStderr
                ? .fileDescriptor(.standardError, closeAfterSpawningProcess: false) : .currentStandardOutput
            let result = try await Subprocess.run(configuration, input: .currentStandardInput, output: output,
                                                  error: FileDescriptorOutput.currentStandardError) { execution in
                let pid = execution.processIdentifier.value
                forwarder.attach { forwardToGrandchild ? SignalForwarder.firstChild(of: pid) : pid }
            }
            return result.terminationStatus
        }
        forwarder.commandEnded()
        let wall = monotonicMilliseconds() - started
        let interruptedBy = forwarder.received
        let exitStatus: Int32 = switch status {
        case .exited(let code): code
        case .signaled(let signal): 128 + signal
        }
        return SupervisedRun(exitStatus: exitStatus, interruptedBy: interruptedBy, wallMilliseconds: wall,
                             usage: ChildUsage.current().since(usageBefore))
    }

    private static func monotonicMilliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }

    /// Waits on this thread for async work: the CLI is synchronous, Subprocess is async.
    private static func blocking<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return try box.result!.get()
    }
}

/// Carries the async result to the waiting thread; the semaphore orders the accesses.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    var result: Result<T, any Error>?
}

/// CPU time and peak memory of `repro`'s reaped children and their descendants.
public struct ChildUsage: Sendable, Equatable {
    public var userMilliseconds: Int64
    public var systemMilliseconds: Int64
    /// The largest resident set of any reaped descendant, in bytes (a maximum, not a sum);
    /// nil when it is no larger than repro's own. Linux counts the memory of the process that
    /// started a command in the command's peak (it is carried across `exec`), so a figure at
    /// or below repro's own size says nothing about the command and is not recorded.
    public var peakRSSBytes: Int64?

    static func current() -> ChildUsage {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        var own = rusage()
        getrusage(RUSAGE_SELF.rawValue, &own)
        func ms(_ time: timeval) -> Int64 { Int64(time.tv_sec) * 1000 + Int64(time.tv_usec) / 1000 }
        return ChildUsage(userMilliseconds: ms(usage.ru_utime), systemMilliseconds: ms(usage.ru_stime),
                          peakRSSBytes: usage.ru_maxrss > own.ru_maxrss ? Int64(usage.ru_maxrss) * 1024 : nil)
    }

    /// Times are cumulative, so the run's share is the difference; the peak is kept as is.
    func since(_ earlier: ChildUsage) -> ChildUsage {
        ChildUsage(userMilliseconds: userMilliseconds - earlier.userMilliseconds,
                   systemMilliseconds: systemMilliseconds - earlier.systemMilliseconds, peakRSSBytes: peakRSSBytes)
    }
}
