#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Names of writers' temporary files, `.<name>.tmp.<pid>.<random>`, and the rule by which
/// `fsck` decides one was abandoned: it is never deleted while a writer may still own it.
public enum TemporaryFile {
    /// Marks temporary files; `ledgers/.gitignore` keeps them out of commits.
    public static let marker = ".tmp."
    /// Younger than this, a temporary file is always left alone (a slow disk, a paused job).
    public static let minimumAge: Int64 = 3600
    /// Older than this, it is deleted even if its pid is alive (pids are reused).
    public static let maximumAge: Int64 = 86_400

    static func name(for name: String) -> String {
        ".\(name)\(marker)\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
    }

    /// The writer's pid from a temporary name, if it has one.
    public static func pid(in name: String) -> Int32? {
        guard let range = name.range(of: marker, options: .backwards) else { return nil }
        return Int32(name[range.upperBound...].prefix { $0 != "." })
    }

    /// True when the file may be deleted: older than an hour and its writer (the pid in its
    /// name) is not running on this host, or older than a day whatever the pid says.
    public static func isAbandoned(name: String, modified: Int64, now: Int64) -> Bool {
        let age = now - modified
        if age >= maximumAge { return true }
        guard age >= minimumAge else { return false }
        guard let pid = pid(in: name), pid > 0 else { return true }
        return kill(pid, 0) != 0 && errno == ESRCH
    }
}
