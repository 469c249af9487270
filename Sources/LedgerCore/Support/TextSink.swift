import Foundation
import SystemPackage

/// Where a long document goes as it is produced: standard output, a spill file, or memory.
/// Writes are buffered (64 KiB), so a document of hundreds of megabytes is written in
/// big chunks without ever being held whole. The first write error is kept and thrown by
/// `flush()`, so producers need not check every write.
public final class TextSink {
    private enum Target {
        /// A descriptor, closed with the sink when `owned` (a spill file).
        case file(FileDescriptor, owned: Bool)
        case memory
    }

    private let target: Target
    private var buffer: [UInt8] = []
    private var collected: [UInt8] = []
    private var failure: (any Error)?
    private static let chunk = 1 << 16

    /// Writes to an open file descriptor (standard output: 1), which stays open.
    public init(fileDescriptor: Int32) {
        target = .file(FileDescriptor(rawValue: fileDescriptor), owned: false)
        buffer.reserveCapacity(Self.chunk)
    }

    deinit {
        if case .file(let descriptor, owned: true) = target { try? descriptor.close() }
    }

    /// Keeps everything in memory; `text` gives it back (for tests and small documents).
    public init() {
        target = .memory
    }

    private init(spill descriptor: FileDescriptor) {
        target = .file(descriptor, owned: true)
        buffer.reserveCapacity(Self.chunk)
    }

    /// A sink backed by an anonymous temporary file (unlinked at once, gone when closed):
    /// a section of a document that must be written later than it is produced.
    public static func spill() throws -> TextSink {
        var template = Array((NSTemporaryDirectory() + "/repro-spill-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw TextSinkError.spill(errno: errno) }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return TextSink(spill: FileDescriptor(rawValue: fd))
    }

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.chunk { drain() }
    }

    /// Lets `produce` append UTF-8 straight to the buffer: for writers that spell their
    /// output byte by byte, without a String in between.
    public func writeUTF8(_ produce: (inout [UInt8]) -> Void) {
        produce(&buffer)
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
        guard case .file(let descriptor, _) = spill.target else {
            write(spill.text)
            return
        }
        var chunk = [UInt8](repeating: 0, count: Self.chunk * 4)
        do {
            _ = try descriptor.seek(offset: 0, from: .start)
            while true {
                let count = try chunk.withUnsafeMutableBytes { try descriptor.read(into: $0, retryOnInterrupt: true) }
                if count == 0 { break }
                drain()
                send(Array(chunk[..<count]))
            }
        } catch {
            throw TextSinkError.read(error as? Errno ?? .ioError)
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
        case .file(let descriptor, _):
            guard failure == nil else { return }
            do { _ = try descriptor.writeAll(bytes) } catch { failure = TextSinkError.write(error as? Errno ?? .ioError) }
        }
    }
}

public enum TextSinkError: Error, CustomStringConvertible, CategorizedError {
    case spill(errno: Int32)
    /// Writing the document failed (`brokenPipe` when its reader went away).
    case write(Errno)
    case read(Errno)

    public var category: ErrorCategory { .environment }

    public var description: String {
        switch self {
        case .spill(let code):
            "cannot create a temporary file in \(NSTemporaryDirectory()): \(String(cString: strerror(code)))"
        case .write(let errno):
            "cannot write the output: \(errno.description)"
        case .read(let errno):
            "cannot read back a temporary file: \(errno.description)"
        }
    }
}
