import Foundation
import LedgerCore

/// Reads the JSON file given to `repro license add`, with errors that say which file is
/// wrong and how: missing or not a file is bad input, unreadable is the environment.
enum LicenseDefinitionFile {
    static func read(_ path: String) throws -> [UInt8] {
        var st = stat()
        guard stat(path, &st) == 0 else {
            let code = errno
            if code == ENOENT { throw LedgerError.invalidInput("\(path): no such file") }
            throw LedgerError.unreadableFile(path: path, reason: String(cString: strerror(code)))
        }
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            throw LedgerError.invalidInput("\(path) is not a regular file; give the path of a JSON license definition")
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw LedgerError.unreadableFile(path: path, reason: String(cString: strerror(errno))) }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
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
