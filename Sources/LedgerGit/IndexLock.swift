import Foundation

/// `index.lock`, taken the way git takes it (exclusive creation), for the whole of a commit.
///
/// Holding it from start to finish makes git commands and other repro processes wait
/// for us rather than interleave with us, so no index update is ever lost.
final class IndexLock {
    let path: String
    /// False until the file is ours, so a failed attempt never removes another process's lock.
    private var held = false

    /// Waits up to `patience` for another process to let go, then throws `indexLocked`.
    init(indexPath: String, patience: Duration) throws {
        path = indexPath + ".lock"
        let deadline = ContinuousClock.now + patience
        while true {
            let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o644)
            if descriptor >= 0 {
                close(descriptor)
                held = true
                return
            }
            guard errno == EEXIST else {
                throw GitError.fileSystem(operation: "create the index lock", path: path, reason: String(cString: strerror(errno)))
            }
            guard ContinuousClock.now < deadline else {
                throw GitError.indexLocked(lockFile: path)
            }
            usleep(20_000)
        }
    }

    func release() {
        guard held else { return }
        held = false
        unlink(path)
    }

    deinit {
        release()
    }
}
