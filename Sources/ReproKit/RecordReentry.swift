import Foundation
import LedgerCore

extension Workspace {
    /// Enters an experiment record that `repro run` printed when it could not write it
    /// (`repro tag --from-json FILE`). The file is untrusted: size-capped, parsed and checked
    /// like a stored record, and its names validated, before anything is written.
    public func tag(fromJSON file: String, from directory: URL) throws -> RecordedExperiment {
        let path = absolutePath(file, from: directory)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw LedgerError.unreadableFile(path: file, reason: "no such file or not readable")
        }
        defer { try? handle.close() }
        let limit = 16 * 1024 * 1024
        let data = (try? handle.read(upToCount: limit + 1)) ?? Data()
        guard data.count <= limit else { throw LedgerError.invalidInput("\(file): larger than 16 MiB; not an experiment record") }
        let record: LedgerRecord
        do { record = try RecordCodec.decode([UInt8](data)).0 } catch {
            throw LedgerError.invalidInput("\(file): \(error)")
        }
        guard case .experiment(let experiment) = record else {
            throw LedgerError.invalidInput("\(file): holds a record of type \(record.type.rawValue), not an experiment record")
        }
        try Names.validate(experiment.name, as: .experiment)
        let written = try store.write(.experiment(experiment), to: experiment.ledger)
        return RecordedExperiment(experiment: experiment, record: written.file.relativePath, newArtifacts: [])
    }
}
