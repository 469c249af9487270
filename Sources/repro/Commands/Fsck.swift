import ArgumentParser
import ReproKit

struct Fsck: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check that every record hashes to its name, matches its schema and that references resolve.",
        discussion: "Deletes temporary files a killed writer left behind. Exits 1 when it finds a problem.")

    @OptionGroup var output: OutputOptions

    func run() throws {
        let report = try Console.withWorkspace { try $0.fsck() }
        try Console.emit(report, json: output.json, text: TextReport.fsck)
        if report.failed { throw ExitCode(ExitStatus.checkFailed.rawValue) }
    }
}
