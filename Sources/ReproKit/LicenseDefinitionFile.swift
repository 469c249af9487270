import Foundation
import LedgerCore

/// Reads the JSON file given to `repro license add`, with errors that say which file is
/// wrong and how: missing or not a file is bad input, unreadable is the environment.
enum LicenseDefinitionFile {
    static func read(_ path: String) throws -> [UInt8] {
        // Opened without blocking (a FIFO would wait for a writer), then checked on the
        // descriptor, so what is read is what was checked.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            switch code {
            case ENOENT: throw LedgerError.invalidInput("\(path): no such file")
            case ENOTDIR, ELOOP, ENAMETOOLONG: throw LedgerError.invalidInput("\(path): \(String(cString: strerror(code)))")
            default: throw LedgerError.unreadableFile(path: path, reason: String(cString: strerror(code)))
            }
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else {
            throw LedgerError.invalidInput("\(path) is not a regular file; give the path of a JSON license definition")
        }
        do { return [UInt8](try handle.readToEnd() ?? Data()) } catch {
            throw LedgerError.unreadableFile(path: path, reason: error.localizedDescription)
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
