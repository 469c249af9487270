import ArgumentParser
import Foundation
import LedgerCore
import ReproKit

/// Writes results to stdout, messages to stderr, and turns errors into exit codes.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// A warning's own line breaks are kept; every other control character is escaped. Names
    /// are escaped where the warning is composed, so a backslash here is already an escape.
    static func warn(_ message: String) {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.controlsEscaped(String($0)) }
        FileHandle.standardError.write(Data("repro: warning: \(lines.joined(separator: "\n"))\n".utf8))
    }

    /// Prints the error as a sentence and exits with the code CLI.md gives it (`ExitStatus`);
    /// an `ExitCode` a command chose itself passes through.
    static func reportingFailures<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            FileHandle.standardError.write(Data("repro: error: \(CommandLineAdvice.message(for: error))\n".utf8))
            throw ExitCode(ExitStatus.code(for: error))
        }
    }
}
