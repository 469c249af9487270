import Foundation

/// Where a long document goes as it is produced: standard output, a spill file, or memory.
/// Writes are buffered (64 KiB), so a document of hundreds of megabytes is written in
/// big chunks without ever being held whole. The first write error is kept and thrown by
/// `flush()`, so producers need not check every write.
public final class TextSink {
    private enum Target {
        case file(FileHandle)
        case memory
    }

    private let target: Target
    private var buffer: [UInt8] = []
    private var collected: [UInt8] = []
    private var failure: (any Error)?
    private static let chunk = 1 << 16

    /// Writes to an open file descriptor (standard output: 1), which stays open.
    public init(fileDescriptor: Int32) {
        target = .file(FileHandle(fileDescriptor: fileDescriptor, closeOnDealloc: false))
        buffer.reserveCapacity(Self.chunk)
    }

    /// Keeps everything in memory; `text` gives it back (for tests and small documents).
    public init() {
        target = .memory
    }

    private init(handle: FileHandle) {
        target = .file(handle)
        buffer.reserveCapacity(Self.chunk)
    }

    /// A sink backed by an anonymous temporary file (unlinked at once, gone when closed):
    /// a section of a document that must be written later than it is produced.
    public static func spill() throws -> TextSink {
        var template = Array((NSTemporaryDirectory() + "/repro-spill-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw TextSinkError.spill(errno: errno) }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return TextSink(handle: FileHandle(fileDescriptor: fd, closeOnDealloc: true))
    }

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.chunk { drain() }
    }

    /// Everything written so far, in memory mode.
    public var text: String {
        drain()
        return String(decoding: collected, as: UTF8.self)
    }

    /// Writes what is buffered; throws the first error any write met.
    public func flush() throws {
        drain()
        if let failure { throw failure }
    }

    /// Appends everything written to `spill` (a sink made by `spill()`), in bounded chunks.
    public func append(contentsOf spill: TextSink) throws {
        try spill.flush()
        guard case .file(let handle) = spill.target else {
            write(spill.text)
            return
        }
        try handle.seek(toOffset: 0)
        while let data = try handle.read(upToCount: Self.chunk * 4), !data.isEmpty {
            drain()
            send(Array(data))
        }
    }

    private func drain() {
        guard !buffer.isEmpty else { return }
        send(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func send(_ bytes: [UInt8]) {
        switch target {
        case .memory: collected.append(contentsOf: bytes)
        case .file(let handle):
            guard failure == nil else { return }
            do { try handle.write(contentsOf: bytes) } catch { failure = error }
        }
    }
}

public enum TextSinkError: Error, CustomStringConvertible, CategorizedError {
    case spill(errno: Int32)

    public var category: ErrorCategory { .environment }

    public var description: String {
        switch self {
        case .spill(let code):
            "cannot create a temporary file in \(NSTemporaryDirectory()): \(String(cString: strerror(code)))"
        }
    }
}
