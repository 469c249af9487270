#if canImport(Glibc)
import Glibc
#endif
import SystemPackage

/// What `stat` says about a file, used to decide whether a cached digest still holds.
///
/// Device and inode name the file; size, mtime and ctime (nanoseconds) say whether
/// it could have changed. ctime matters because tools that restore mtime cannot
/// restore ctime.
public struct FileIdentity: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int64
    public var modifiedNanoseconds: Int64
    public var changedNanoseconds: Int64

    public init(device: UInt64, inode: UInt64, size: Int64, modifiedNanoseconds: Int64, changedNanoseconds: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modifiedNanoseconds = modifiedNanoseconds
        self.changedNanoseconds = changedNanoseconds
    }

    /// From a `Stat` the file-system layer took.
    public init(_ status: Stat) {
        self.init(
            device: UInt64(status.deviceID.rawValue),
            inode: UInt64(status.inode.rawValue),
            size: status.size,
            modifiedNanoseconds: Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec),
            changedNanoseconds: Int64(status.st_ctim.tv_sec) * 1_000_000_000 + Int64(status.st_ctim.tv_nsec))
    }

    /// The later of mtime and ctime: the last moment the content could have changed.
    public var lastChangeNanoseconds: Int64 { max(modifiedNanoseconds, changedNanoseconds) }

    /// Which file this is, whatever its state.
    public var key: FileKey { FileKey(device: device, inode: inode) }
}

/// Device and inode: what names a file (or folder) regardless of its state, so two paths
/// with one key reach the same file. The hash cache's primary key.
public struct FileKey: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64

    public init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }

    public init(_ status: Stat) {
        self.init(device: UInt64(status.deviceID.rawValue), inode: UInt64(status.inode.rawValue))
    }
}

/// Wall-clock time in nanoseconds since the epoch, on the same clock as file timestamps.
public func wallClockNanoseconds() -> Int64 {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
}
