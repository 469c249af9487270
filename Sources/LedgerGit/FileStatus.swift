import Foundation
import LedgerCore
import SystemPackage

/// What `lstat` says about a work-tree file: its type, and the stat data git caches in the index
/// to notice later changes without re-reading the file.
struct FileStatus {
    var kind: Kind
    var executable: Bool
    var changed: timespec
    var modified: timespec
    var device: UInt64
    var inode: UInt64
    var user: UInt32
    var group: UInt32
    var size: Int64

    enum Kind {
        case file, symbolicLink, directory, other
    }

    /// Nil when nothing exists at `path`; symbolic links are described, not followed, as git stores them.
    init?(path: String) throws {
        let found: Stat?
        do { found = try OpenFolder.linkStatus(FilePath(path)) } catch {
            throw GitError.fileSystem(operation: "inspect", path: path, reason: error.reason)
        }
        guard let info = found?.rawValue else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .file
        case S_IFLNK: kind = .symbolicLink
        case S_IFDIR: kind = .directory
        default: kind = .other
        }
        executable = info.st_mode & S_IXUSR != 0
        #if canImport(Darwin)
        changed = info.st_ctimespec
        modified = info.st_mtimespec
        #else
        changed = info.st_ctim
        modified = info.st_mtim
        #endif
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        user = UInt32(info.st_uid)
        group = UInt32(info.st_gid)
        size = Int64(info.st_size)
    }
}

/// Whole seconds of the wall clock, for the coarse "recently modified" cut-off of racy index entries.
func secondsSinceEpochNow() -> Int {
    Int(Date().timeIntervalSince1970)
}
