import Foundation
import LedgerCore
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Passes SIGINT, SIGTERM and SIGHUP that `repro run` receives on to the command, so a
/// scheduler's time limit or `kill` reaches the work and `repro` lives to record it.
///
/// A signal the terminal sends to the foreground process group (Ctrl-C, hang-up) already
/// reached the command, which shares `repro`'s group; it is noted but not sent twice.
/// The handler only writes the signal number to a pipe; a thread does the forwarding.
///
/// Once the command has ended (`commandEnded()`) there is no one to forward to, and the
/// run is being recorded: a first signal is noted and recording goes on, so a run is not
/// lost to a Ctrl-C that came a moment late; a second stops `repro` without the record.
final class SignalForwarder: @unchecked Sendable {
    static let forwarded: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    private var previous: [Int32: sigaction] = [:]
    private let readEnd: Int32
    private let finished = DispatchSemaphore(value: 0)
    private var started = false
    private let state = Mutex<State>(.waiting)
    /// The experiment being recorded, for what is said when a signal comes after the command.
    private let experiment: String

    private enum State {
        case waiting
        case forwarding(@Sendable () -> pid_t?)
        case recording(signalsSeen: Int)
        /// The record is written (or refused): a signal still in the pipe is too late to matter.
        case done
    }

    /// Installs the handlers; signals ignored when `repro` started (`nohup`) stay ignored.
    init(recording experiment: String) throws {
        self.experiment = experiment
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else {
            throw RunError.cannotSupervise("cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        // The command must not inherit either end.
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        readEnd = fds[0]
        Self.firstSignal.store(0, ordering: .sequentiallyConsistent)
        Self.commandRunning.store(true, ordering: .sequentiallyConsistent)
        Self.writeEnd.store(fds[1], ordering: .sequentiallyConsistent)
        for signal in Self.forwarded {
            var old = sigaction()
            sigaction(signal, nil, &old)
            // SIG_IGN is the handler value 1; the union is one pointer wide.
            if unsafeBitCast(old.__sigaction_handler, to: Int.self) == 1 { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = { signal, info, _ in SignalForwarder.handle(signal, info) }
            action.sa_flags = SA_SIGINFO | SA_RESTART
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
            previous[signal] = old
        }
    }

    /// Starts forwarding to the process `target` names at the time a signal arrives (the
    /// command, or the command strace started); signals that came earlier are sent now.
    func attach(_ target: @escaping @Sendable () -> pid_t?) {
        started = true
        state.withLock { $0 = .forwarding(target) }
        let readEnd = readEnd, finished = finished
        Thread { [self] in
            var byte: UInt8 = 0
            while true {
                let n = read(readEnd, &byte, 1)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                received(Int32(byte & 0x3F), fromTerminal: byte & 0x80 != 0, whileRunning: byte & 0x40 == 0)
            }
            finished.signal()
        }.start()
    }

    /// The command has ended and was reaped: its pid may now name another process, so
    /// nothing is forwarded any more; signals from here on are about the recording. The
    /// handler marks each signal with the phase it arrived in, so a Ctrl-C that came while
    /// the command ran, and is read from the pipe only now, is not taken for a late one.
    func commandEnded() {
        state.withLock { $0 = .recording(signalsSeen: 0) }
        Self.commandRunning.store(false, ordering: .sequentiallyConsistent)
    }

    /// The experiment record is being written: a signal now can no longer stop it from being
    /// recorded, so it is not said to.
    func writingRecord() {
        state.withLock { $0 = .done }
    }

    private enum Action {
        case none, forward(pid_t), note, stop
    }

    /// On the forwarding thread, never in the handler.
    private func received(_ signal: Int32, fromTerminal: Bool, whileRunning: Bool) {
        let action: Action = state.withLock { state in
            switch state {
            case .waiting, .done: return .none
            case .forwarding(let target):
                guard !fromTerminal, let pid = target(), pid > 0 else { return .none }
                return .forward(pid)
            // One that came while the command ran is its interruption, already noted.
            case .recording where whileRunning: return .none
            case .recording(let seen):
                state = .recording(signalsSeen: seen + 1)
                return seen == 0 ? .note : .stop
            }
        }
        let name = TerminalText.escaped(experiment)
        switch action {
        case .none: break
        case .forward(let pid): kill(pid, signal)
        case .note:
            Self.say("repro: \(Self.name(signal)) after the command ended; recording experiment \(name) first "
                     + "(a second signal stops repro without recording it)\n")
        case .stop:
            Self.say("repro: stopped by \(Self.name(signal)); experiment \(name) was not recorded\n")
            var action = sigaction()
            action.__sigaction_handler.sa_handler = SIG_DFL
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
            kill(getpid(), signal)
        }
    }

    private static func say(_ text: String) {
        var bytes = Array(text.utf8)
        _ = write(STDERR_FILENO, &bytes, bytes.count)
    }

    /// Stops forwarding and puts the old handlers back, once the run is recorded or refused.
    func restore() {
        state.withLock { $0 = .done }
        for (signal, old) in previous {
            var old = old
            sigaction(signal, &old, nil)
        }
        let write = Self.writeEnd.exchange(-1, ordering: .sequentiallyConsistent)
        if write >= 0 { close(write) }
        if started { finished.wait() }
        close(readEnd)
    }

    /// The first forwarded signal received since `init`, or nil.
    var received: Int32? {
        let signal = Self.firstSignal.load(ordering: .sequentiallyConsistent)
        return signal == 0 ? nil : signal
    }

    private static let firstSignal = Atomic<Int32>(0)
    /// False once the command has ended: what the handler marks each signal with.
    private static let commandRunning = Atomic<Bool>(true)
    private static let writeEnd = Atomic<Int32>(-1)

    /// Runs in the signal handler: atomics and write(2) only, both async-signal-safe.
    /// A signal from the terminal (`SI_KERNEL`) is marked with the high bit: the command
    /// already has it, but once the command has ended it still counts. Bit 6 marks one that
    /// came after the command ended; signal numbers fit below it.
    private static func handle(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?) {
        let running = commandRunning.load(ordering: .sequentiallyConsistent)
        if running { _ = firstSignal.compareExchange(expected: 0, desired: signal, ordering: .sequentiallyConsistent) }
        let fromTerminal = info.map { $0.pointee.si_code == Int32(SI_KERNEL) } ?? false
        let fd = writeEnd.load(ordering: .sequentiallyConsistent)
        guard fd >= 0 else { return }
        let saved = errno
        var byte = UInt8(truncatingIfNeeded: signal) | (fromTerminal ? 0x80 : 0) | (running ? 0 : 0x40)
        _ = write(fd, &byte, 1)
        errno = saved
    }

    /// `SIGTERM` for 15.
    static func name(_ signal: Int32) -> String {
        let names: [Int32: String] = [
            SIGINT: "SIGINT", SIGTERM: "SIGTERM", SIGHUP: "SIGHUP", SIGKILL: "SIGKILL", SIGQUIT: "SIGQUIT",
            SIGSEGV: "SIGSEGV", SIGABRT: "SIGABRT", SIGPIPE: "SIGPIPE", SIGUSR1: "SIGUSR1", SIGUSR2: "SIGUSR2",
        ]
        return names[signal] ?? "signal \(signal)"
    }

    /// The first child of `pid` (strace's tracee), from /proc.
    static func firstChild(of pid: pid_t) -> pid_t? {
        if let text = try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8),
           let first = text.split(separator: " ").first, let child = pid_t(first) {
            return child
        }
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { pid_t($0) }.sorted().first { candidate in
            guard let stat = try? String(contentsOfFile: "/proc/\(candidate)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return false }
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && pid_t(fields[1]) == pid
        }
    }
}
