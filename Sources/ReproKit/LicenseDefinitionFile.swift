import Foundation
import LedgerCore
import SystemPackage

/// Reads the JSON file given to `repro license add`, with errors that say which file is
/// wrong and how: missing or not a file is bad input, unreadable is the environment.
enum LicenseDefinitionFile {
    static func read(_ path: String) throws -> [UInt8] {
        // Opened without blocking (a FIFO would wait for a writer), then checked on the
        // descriptor, so what is read is what was checked; bounded like a record.
        do {
            return try OpenFolder.readUserFile(FilePath(path), limit: RecordLimits.maximumSize)
        } catch {
            switch error {
            case .system(_, _, .noSuchFileOrDirectory): throw LedgerError.invalidInput("\(path): no such file")
            case .system(_, _, let code) where [.notDirectory, .tooManySymbolicLinkLevels, .fileNameTooLong].contains(code):
                throw LedgerError.invalidInput("\(path): \(code.description)")
            case .notFollowed, .wrongKind:
                throw LedgerError.invalidInput("\(path) is not a regular file; give the path of a JSON license definition")
            case .tooLarge(_, let limit):
                throw LedgerError.invalidInput("\(path) is larger than \(limit) bytes; a license definition is a small JSON file")
            default: throw LedgerError.unreadableFile(path: path, reason: error.reason)
            }
        }
    }

    /// 1-based line and column (in bytes) of a byte offset, as editors show them.
    static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        let before = bytes.prefix(min(offset, bytes.count))
        let line = before.count { $0 == 0x0a } + 1
        let column = before.count - (before.lastIndex(of: 0x0a).map { $0 + 1 } ?? 0) + 1
        return (line, column)
    }
}
