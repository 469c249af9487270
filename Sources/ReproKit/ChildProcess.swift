import Foundation
import LedgerCore

/// Runs the experiment's command with the user's terminal, as if typed directly.
enum ChildProcess {
    /// The exit status, or 128 + signal number when the command was killed (the shell convention).
    /// `stdoutToStderr` keeps our own stdout for the one JSON document `--json` promises.
    static func run(_ command: [String], in directory: URL, stdoutToStderr: Bool = false) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = command
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.standardInput
        process.standardOutput = stdoutToStderr ? FileHandle.standardError : FileHandle.standardOutput
        process.standardError = FileHandle.standardError
        do { try process.run() } catch {
            throw LedgerError.invalidInput("cannot start \(command[0]): \(error.localizedDescription)")
        }
        process.waitUntilExit()
        switch process.terminationReason {
        case .exit: return process.terminationStatus
        case .uncaughtSignal: return 128 + process.terminationStatus
        @unknown default: return process.terminationStatus
        }
    }
}
