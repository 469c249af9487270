import Crypto
import Foundation
import SystemPackage

/// Streams one file through SHA-256 with a fixed amount of memory.
///
/// Large files are read by a second thread into the other half of a double
/// buffer while this one hashes, so the disk (or page cache copy) and the hash
/// overlap. A file whose size or timestamps differ before and after reading is
/// re-read, and after `attempts` tries reported, never recorded silently.
public final class FileDigester: @unchecked Sendable {
    /// Bytes per read; large enough that syscalls cost nothing next to hashing.
    public static let chunkSize = 1 << 20
    /// Files at least this big are read ahead on a second thread.
    public static let pipelineThreshold: Int64 = 4 << 20

    private let buffers: [UnsafeMutableRawBufferPointer]
    private let attempts: Int

    /// One digester per worker thread; it owns its buffers and is not shared.
    public init(attempts: Int = 3) {
        self.attempts = attempts
        buffers = (0..<2).map { _ in
            UnsafeMutableRawBufferPointer.allocate(byteCount: FileDigester.chunkSize, alignment: 4096)
        }
    }

    deinit { buffers.forEach { $0.deallocate() } }

    /// The digest and the identity the file had while it was read.
    ///
    /// `expected` is what a scan just saw; it stands in for the first `fstat` before the
    /// read (one syscall less per file, which counts when files are small) and makes the
    /// before/after comparison span the scan as well.
    /// `path` is opened without following a link as its last component: callers hand over
    /// a link's checked end (`ScannedFile.readPath`); `shown` names it in errors.
    public func digest(
        path: String, shown: String? = nil, expected: FileIdentity? = nil, progress: HashProgress? = nil
    ) throws -> (digest: Digest, identity: FileIdentity, hashedAtNanoseconds: Int64) {
        let shown = shown ?? path
        for attempt in 0..<attempts {
            let startedAt = wallClockNanoseconds()
            let file = try ReadOnlyFile.open(path, shown: shown)
            defer { file.close() }
            let before: FileIdentity
            if attempt == 0, let expected { before = expected } else { before = try identity(of: file) }
            var hasher = SHA256()
            let counted: Int64
            if before.size >= Self.pipelineThreshold {
                file.adviseSequential()
                counted = try hashPipelined(file, into: &hasher, progress: progress)
            } else {
                counted = try hashDirect(file, expectedSize: before.size, into: &hasher, progress: progress)
            }
            let after = try identity(of: file)
            if before == after && counted == after.size {
                return (Digest(hasher.finalize()), after, startedAt)
            }
            progress?.retract(bytes: counted)
        }
        throw HashingError.changedWhileHashing(path: shown)
    }

    private func identity(of file: ReadOnlyFile) throws -> FileIdentity {
        let status = try file.status()
        guard EntryKind(status.type) == .regular else {
            throw HashingError.specialFile(path: file.shown, kind: TreeScanner.kindName(status.type))
        }
        return FileIdentity(status)
    }

    /// Stops at `expectedSize` instead of paying for a read that returns 0: a file that
    /// grew meanwhile shows a new size in the `fstat` afterwards and is read again.
    private func hashDirect(
        _ file: ReadOnlyFile, expectedSize: Int64, into hasher: inout SHA256, progress: HashProgress?
    ) throws -> Int64 {
        let buffer = buffers[0]
        var total: Int64 = 0
        while true {
            let wanted = total < expectedSize ? min(buffer.count, Int(expectedSize - total)) : buffer.count
            let count = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<wanted]))
            if count == 0 { return total }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            total += Int64(count)
            progress?.add(bytes: Int64(count))
            if total == expectedSize { return total }
        }
    }

    /// Reader thread fills one buffer while the caller hashes the other.
    private func hashPipelined(_ file: ReadOnlyFile, into hasher: inout SHA256, progress: HashProgress?) throws -> Int64 {
        let pipe = ReadAheadPipe()
        let reader = Thread { [self] in
            var slot = 0
            while true {
                pipe.empty.wait()
                let result: Result<Int, any Error> = Result { try file.read(into: self.buffers[slot]) }
                pipe.deliver(slot: slot, result: result)
                pipe.full.signal()
                if case .success(let count) = result, count > 0 { slot ^= 1 } else { return }
            }
        }
        reader.stackSize = 1 << 16
        reader.start()
        var slot = 0
        var total: Int64 = 0
        var failure: (any Error)?
        while true {
            pipe.full.wait()
            switch pipe.take(slot: slot) {
            case .failure(let error):
                failure = error
            case .success(let count) where count > 0:
                hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffers[slot][0..<count]))
                total += Int64(count)
                progress?.add(bytes: Int64(count))
                pipe.empty.signal()
                slot ^= 1
                continue
            case .success:
                break
            }
            break
        }
        pipe.finished.wait()
        if let failure { throw failure }
        return total
    }
}

/// Hand-off between the read-ahead thread and the hashing thread.
private final class ReadAheadPipe: @unchecked Sendable {
    // Created at zero and signalled up: libdispatch traps when a semaphore is
    // released below the value it was created with.
    let empty = DispatchSemaphore(value: 0)
    let full = DispatchSemaphore(value: 0)
    let finished = DispatchSemaphore(value: 0)
    private var results: [Result<Int, any Error>?] = [nil, nil]
    private let lock = NSLock()

    init() {
        empty.signal()
        empty.signal()
    }

    func deliver(slot: Int, result: Result<Int, any Error>) {
        lock.withLock { results[slot] = result }
        if case .success(let count) = result, count > 0 { return }
        finished.signal()
    }

    func take(slot: Int) -> Result<Int, any Error> {
        lock.withLock {
            let value = results[slot]!
            results[slot] = nil
            return value
        }
    }
}
