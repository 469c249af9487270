import ArgumentParser
import Foundation
import LedgerCore

/// `-o FILE` of every command that writes a document: one spelling, one meaning. `-` is
/// standard output, as for most Unix tools, so scripts can pass it rather than omit the option.
struct DocumentDestination: ParsableArguments {
    @Option(name: .shortAndLong,
            help: ArgumentHelp("Write to this file (atomically) instead of standard output; - is standard output.",
                               valueName: "file"))
    var output: String?

    /// An empty name or one ending in `/` names no file: said before anything runs, rather
    /// than replacing the folder's name with a file (`-o out/` wrote a file `out`).
    func validate() throws {
        guard let output else { return }
        if output.isEmpty { throw ValidationError("--output needs a file name, or - for standard output") }
        if output.hasSuffix("/") { throw ValidationError("--output \(output) names a folder; give a file name") }
    }

    /// The file to replace; nil means standard output.
    var file: String? { output == "-" ? nil : output }

    /// Replaces the file atomically, so a reader never sees half a document; or prints.
    func write(_ text: String) throws {
        guard let file else { return Console.out(text) }
        try Console.reportingFailures {
            try AtomicFile.replace(Array(text.utf8),
                                   at: file.hasPrefix("/") ? file : currentDirectory.appendingPathComponent(file).path)
        }
    }
}
