import Foundation
import LedgerCore
#if canImport(Glibc)
import Glibc
#endif

/// Writes a generated file (`-o statement.tex`) so a LaTeX build running at the same time
/// never reads half of it: temporary file in the same folder, fsync, rename over the target.
public enum OutputFile {
    public static func write(_ text: String, to path: String) throws(LedgerError) {
        let folder = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        let temporary = folder + "/." + (path as NSString).lastPathComponent + ".tmp.\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw failure(path) }
        let bytes = Array(text.utf8)
        var written = 0
        let ok = bytes.withUnsafeBytes { raw -> Bool in
            while written < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 { if errno == EINTR { continue }; return false }
                written += n
            }
            return fsync(fd) == 0
        }
        let code = errno
        close(fd)
        guard ok else {
            unlink(temporary)
            throw LedgerError.notWritable(path: path, reason: String(cString: strerror(code)))
        }
        guard rename(temporary, path) == 0 else {
            let error = failure(path)
            unlink(temporary)
            throw error
        }
    }

    private static func failure(_ path: String) -> LedgerError {
        .notWritable(path: path, reason: String(cString: strerror(errno)))
    }
}
