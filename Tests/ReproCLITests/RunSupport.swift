import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// `repro` started in the background, so a test can signal it while its command runs.
final class BackgroundRepro: @unchecked Sendable {
    let process = Process()
    private let errors = Pipe()

    init(_ arguments: [String], in directory: String) throws {
        process.executableURL = URL(fileURLWithPath: ReproBinary.path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        process.environment = ProcessInfo.processInfo.environment.merging(PaperRepository.environment) { _, new in new }
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    var pid: pid_t { process.processIdentifier }

    /// Waits for repro to end; returns its exit status (128 + N if it was killed) and stderr.
    func finish() -> (status: Int32, stderr: String) {
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let status = process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
        return (status, text)
    }
}

/// Polls until `path` holds a line, for a command that announces itself by writing its pid.
func waitForContents(_ path: String, timeout: TimeInterval = 60) -> String? {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if let text = try? String(contentsOfFile: path, encoding: .utf8), text.hasSuffix("\n") { return text }
        usleep(20_000)
    }
    return nil
}

/// Whether a process with this pid exists (kill -0).
func processExists(_ pid: pid_t) -> Bool { kill(pid, 0) == 0 || errno == EPERM }

/// Mounts need root and a kernel that lets this container mount; probed once with a tmpfs.
enum Mounts {
    static let available: Bool = {
        guard geteuid() == 0, let folder = try? TemporaryFolder("mount-probe") else { return false }
        guard (try? Subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", folder.path]))?.status == 0 else { return false }
        _ = try? Subprocess.run(["umount", folder.path])
        return true
    }()
}

/// The JSON of the record read back from its file.
func recordObject(_ repo: PaperRepository, _ relative: String) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: repo.folder.child(relative)))
    return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
}

/// Every experiment record file of the `main` ledger, parsed.
func experimentRecords(_ repo: PaperRepository) throws -> [[String: Any]] {
    let folder = repo.folder.child("ledgers/main/experiments")
    guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
    var found: [[String: Any]] = []
    while let relative = walker.nextObject() as? String {
        guard relative.hasSuffix(".json") else { continue }
        found.append(try recordObject(repo, "ledgers/main/experiments/" + relative))
    }
    return found
}
