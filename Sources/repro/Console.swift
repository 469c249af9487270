import ArgumentParser
import Foundation
import LedgerCore
import ReproKit
import SystemPackage

/// Writes results to stdout, messages to stderr, and turns errors into exit codes.
enum Console {
    static func out(_ text: String) {
        out(bytes: Array(text.utf8))
    }

    static func out(bytes: [UInt8]) {
        do { _ = try FileDescriptor.standardOutput.writeAll(bytes) } catch { outputFailed(error as? Errno ?? .ioError) }
    }

    /// The reader of standard output went away (`| head`): stop quietly with the status of a
    /// process killed by SIGPIPE (141), as when SIGPIPE is not ignored; any other failure (a
    /// full disk) is an error of the environment.
    static func outputFailed(_ errno: Errno) -> Never {
        if errno != .brokenPipe {
            FileHandle.standardError.write(Data("repro: error: cannot write standard output: \(errno.description)\n".utf8))
        }
        exit(errno == .brokenPipe ? 141 : ExitStatus.environment.rawValue)
    }

    /// A warning's own line breaks are kept; every other control character is escaped. Names
    /// are escaped where the warning is composed, so a backslash here is already an escape.
    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("repro: warning: \(terminalSafe(message))\n".utf8))
    }

    /// A message's own line breaks kept, every other control character escaped.
    private static func terminalSafe(_ message: String) -> String {
        message.split(separator: "\n", omittingEmptySubsequences: false)
            .map { TerminalText.controlsEscaped(String($0)) }.joined(separator: "\n")
    }

    /// Prints the error as a sentence and exits with the code CLI.md gives it (`ExitStatus`);
    /// an `ExitCode` a command chose itself passes through.
    static func reportingFailures<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let exit as ExitCode {
            throw exit
        } catch TextSinkError.write(.brokenPipe) {
            outputFailed(.brokenPipe)
        } catch {
            // Names in messages are escaped where composed; no control character gets through.
            FileHandle.standardError.write(Data("repro: error: \(terminalSafe(CommandLineAdvice.message(for: error)))\n".utf8))
            throw ExitCode(ExitStatus.code(for: error))
        }
    }
}
