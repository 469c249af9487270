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
