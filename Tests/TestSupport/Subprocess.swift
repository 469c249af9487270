import Foundation

/// Runs real programs (sha256sum, git, repro) the way a user would, capturing output.
public enum Subprocess {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        public var stdoutBytes: [UInt8]
    }

    /// Runs `argv` (first element looked up on PATH) and waits for it.
    @discardableResult
    public static func run(
        _ argv: [String], in directory: String? = nil, environment: [String: String] = [:], stdin: [UInt8]? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = argv
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin)) }
        try input.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a chatty child cannot block.
        let errData = ErrorCollector(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let bytes = [UInt8](outData)
        return Result(status: process.terminationStatus, stdout: String(decoding: bytes, as: UTF8.self),
                      stderr: String(decoding: errData.wait(), as: UTF8.self), stdoutBytes: bytes)
    }

    /// Runs a shell snippet with `bash -c`, for coreutils pipelines.
    @discardableResult
    public static func shell(_ script: String, in directory: String? = nil, environment: [String: String] = [:]) throws -> Result {
        try run(["bash", "-c", script], in: directory, environment: environment)
    }
}

/// Drains a pipe on its own thread.
private final class ErrorCollector: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }.start()
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
