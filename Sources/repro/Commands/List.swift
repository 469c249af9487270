import ArgumentParser
import Foundation
import LedgerIndex
import ReproKit

struct List: WorkspaceCommand {
    enum What: String, ExpressibleByArgument, CaseIterable {
        case artifacts, experiments, ledgers
    }

    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List recorded artifacts, experiments or ledgers.",
        discussion: "With --json the records stream out as one JSON array, so large ledgers never sit in memory.")

    @Argument(help: "artifacts, experiments or ledgers.")
    var what: What = .artifacts

    @Option(help: "Only this ledger.")
    var ledger: String?

    @OptionGroup var output: OutputOptions

    func run(in workspace: Workspace) throws {
        switch what {
        case .ledgers:
            try Console.emit(try workspace.listLedgers(), json: output.json, text: TextReport.ledgers)
        case .artifacts:
            try stream(output.json) { emit in try workspace.forEachArtifact(ledger: ledger) { try emit($0, TextReport.artifactLine($0)) } }
        case .experiments where output.json:
            // The stored JSON goes out as it is: no decode and re-encode per record.
            try streamRaw { emit in try workspace.forEachRawExperiment(ledger: ledger) { try emit($0) } }
        case .experiments:
            try stream(false) { emit in try workspace.forEachExperiment(ledger: ledger) { try emit($0, TextReport.experimentLine($0)) } }
        }
    }

    /// Writes a JSON array of `{"id", "ledger", "path", "record"}` objects, the record as stored.
    private func streamRaw(_ produce: ((RawRecord) throws -> Void) throws -> Void) throws {
        var first = true
        Console.out("[")
        // Elements go out in writes of about 64 KiB, not one per record.
        var pending: [UInt8] = []
        try produce { raw in
            pending += Array((first ? "\n" : ",\n").utf8) + (try RawRecordElement.bytes(raw))
            if pending.count >= 1 << 16 { Console.out(bytes: pending); pending.removeAll(keepingCapacity: true) }
            first = false
        }
        Console.out(bytes: pending)
        Console.out(first ? "]\n" : "\n]\n")
    }

    /// Writes `[`, each element, `]` as they come; text mode writes lines.
    private func stream<T: Encodable>(_ json: Bool, _ produce: ((T, String) throws -> Void) throws -> Void) throws {
        var first = true
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        if json { Console.out("[") }
        try produce { item, line in
            if json {
                Console.out((first ? "\n" : ",\n") + String(decoding: try encoder.encode(item), as: UTF8.self))
            } else {
                Console.out(line)
            }
            first = false
        }
        if json { Console.out(first ? "]\n" : "\n]\n") }
    }
}
