import ArgumentParser
import Foundation
import LedgerCore
import ReproKit

/// Writes results to stdout, messages to stderr, and turns errors into exit codes.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func warn(_ message: String) {
        FileHandle.standardError.write(Data("repro: warning: \(TerminalText.escaped(message))\n".utf8))
    }

    /// Prints the error as a sentence and exits with the code CLI.md gives it.
    static func reportingFailures<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            FileHandle.standardError.write(Data("repro: error: \(error)\n".utf8))
            throw ExitCode(ExitStatus(for: error).rawValue)
        }
    }
}
