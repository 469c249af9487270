import Foundation
import LedgerCore
import SystemPackage

extension Workspace {
    /// Enters an experiment record that `repro run` printed when it could not write it
    /// (`repro tag --from-json FILE`). The file is untrusted: size-capped, parsed and checked
    /// like a stored record, and its names validated, before anything is written.
    public func tag(fromJSON filePath: FilePath, from directory: URL) throws -> RecordedExperiment {
        let file = filePath.string
        let path = absolutePath(file, from: directory)
        // Opened without blocking (a FIFO would wait for a writer), checked on the descriptor,
        // and bounded like a stored record.
        let data: [UInt8]
        do { data = try OpenFolder.readUserFile(FilePath(path), limit: RecordLimits.maximumSize) } catch {
            switch error {
            case .system(_, _, .noSuchFileOrDirectory): throw LedgerError.invalidInput("\(file): no such file")
            case .notFollowed, .wrongKind: throw LedgerError.invalidInput("\(file) is not a regular file; give the saved record")
            case .tooLarge(_, let limit):
                throw LedgerError.invalidInput("\(file) is larger than \(limit) bytes; not an experiment record")
            default: throw LedgerError.unreadableFile(path: file, reason: error.reason)
            }
        }
        let record: LedgerRecord
        do { record = try RecordCodec.decode(data).0 } catch {
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
