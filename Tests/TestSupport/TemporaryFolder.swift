import Foundation

/// A fresh folder under the system temp directory, removed when the value is released.
public final class TemporaryFolder: @unchecked Sendable {
    public let url: URL
    public var path: String { url.path }

    public init(_ label: String = "repro-test") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        // Tests may leave read-only files behind; make them removable first.
        _ = try? Subprocess.run(["chmod", "-R", "u+rwx", url.path])
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes `bytes` at `relative`, creating parent folders; returns the full path.
    @discardableResult
    public func write(_ relative: String, _ bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file.path
    }

    @discardableResult
    public func write(_ relative: String, _ text: String) throws -> String {
        try write(relative, Array(text.utf8))
    }

    public func child(_ relative: String) -> String { url.appendingPathComponent(relative).path }
}

/// Reproducible pseudo-random bytes (xorshift), so failures can be replayed.
public func deterministicBytes(count: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> [UInt8] {
    var state = seed | 1
    var out = [UInt8](repeating: 0, count: count)
    for index in 0..<count {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        out[index] = UInt8(truncatingIfNeeded: state)
    }
    return out
}
