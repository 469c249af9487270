import Foundation
import LedgerCore
import ReproKit
#if canImport(Glibc)
import Glibc
#endif

/// Draws a progress line on stderr while long work runs, only when stderr is a terminal.
enum ProgressDisplay {
    static func `while`<T>(_ work: (HashProgress) throws -> T) throws -> T {
        let progress = HashProgress()
        guard isatty(STDERR_FILENO) == 1 else { return try work(progress) }
        let stop = DispatchSemaphore(value: 0)
        let drawn = DispatchSemaphore(value: 0)
        let started = Date()
        let drawer = Thread {
            var shown = false
            // Quiet for the first second: short work should not flash a bar.
            while stop.wait(timeout: .now() + (shown ? 0.25 : 1.0)) == .timedOut {
                shown = true
                let line = ProgressLine.render(done: progress.bytesDone, total: progress.bytesTotal,
                                               elapsedSeconds: Date().timeIntervalSince(started))
                FileHandle.standardError.write(Data("\r\u{1b}[K\(line)".utf8))
            }
            if shown { FileHandle.standardError.write(Data("\r\u{1b}[K".utf8)) }
            drawn.signal()
        }
        drawer.start()
        defer {
            stop.signal()
            drawn.wait()
        }
        return try work(progress)
    }
}
