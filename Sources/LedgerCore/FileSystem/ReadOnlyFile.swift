#if canImport(Glibc)
import Glibc
#endif
import SystemPackage

/// A file opened for reading by path, for streaming readers (the hasher). Opened with
/// `O_NOFOLLOW` (callers resolve and check links first, then open what they checked) and
/// `O_NONBLOCK`, so a FIFO put in place meanwhile cannot hang the open; `status()` then
/// tells what was opened. Errors name `shown`.
public struct ReadOnlyFile: Sendable {
    public let descriptor: FileDescriptor
    public let shown: String

    /// `followingLinks` is for a path whose links were checked already (a hashed snapshot's files).
    public static func open(_ path: String, shown: String, followingLinks: Bool = false) throws(FileSystemError) -> ReadOnlyFile {
        let flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followingLinks ? 0 : O_NOFOLLOW)
        let fd = try SystemCall.retrying("open", shown) { Glibc.open(path, flags) }
        return ReadOnlyFile(descriptor: FileDescriptor(rawValue: fd), shown: shown)
    }

    /// `fstat` of the open file.
    public func status() throws(FileSystemError) -> Stat {
        do throws(Errno) { return try descriptor.stat() } catch { throw .system(operation: "stat", path: shown, errno: error) }
    }

    /// Reads until `buffer` is full or the file ends; returns the bytes read.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(FileSystemError) -> Int {
        var filled = 0
        while filled < buffer.count {
            let n: Int
            do {
                n = try descriptor.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled...]), retryOnInterrupt: true)
            } catch {
                throw .system(operation: "read", path: shown, errno: error as? Errno ?? .ioError)
            }
            if n == 0 { break }
            filled += n
        }
        return filled
    }

    /// Tells the kernel the file is read front to back (a larger read-ahead window).
    public func adviseSequential() {
        #if os(Linux)
        _ = posix_fadvise(descriptor.rawValue, 0, 0, POSIX_FADV_SEQUENTIAL)
        #endif
    }

    public func close() { try? descriptor.close() }
}
