import Foundation
@testable import LedgerGit

/// A throwaway git repository in its own temporary folder, set up and inspected with the real git CLI.
///
/// Every test builds its own, so tests can run in parallel; nothing here changes the
/// process's current directory or environment.
final class Sandbox {
    /// The temporary folder holding the work tree and anything else a test needs (worktrees, bare repos).
    let root: URL
    /// Top of the main work tree.
    let work: URL

    static let name = "Test Researcher"
    static let email = "researcher@example.org"

    /// A repository on branch `main` with a local identity; `identity: false` leaves user.* unset locally.
    init(initialise: Bool = true, identity: Bool = true) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("ledgergit-\(UUID().uuidString)", isDirectory: true)
        work = root.appendingPathComponent("work", isDirectory: true)
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        guard initialise else { return }
        try git("init", "-q", "-b", "main")
        if identity {
            try git("config", "user.name", Self.name)
            try git("config", "user.email", Self.email)
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    /// Runs git in `directory` (the work tree by default) and returns its standard output; throws when git fails.
    @discardableResult
    func git(_ arguments: String..., in directory: URL? = nil) throws -> String {
        try Self.run(arguments, in: directory ?? work)
    }

    /// Like `git`, for commands expected to fail: returns the exit status.
    func gitStatus(_ arguments: String..., in directory: URL? = nil) throws -> Int32 {
        try Self.execute(arguments, in: directory ?? work).status
    }

    static func run(_ arguments: [String], in directory: URL) throws -> String {
        let result = try execute(arguments, in: directory)
        guard result.status == 0 else {
            throw CommandFailure(arguments: arguments, status: result.status, error: result.error)
        }
        return result.output
    }

    private static func execute(_ arguments: [String], in directory: URL) throws -> (status: Int32, output: String, error: String) {
        try start(arguments, in: directory).finish()
    }

    /// Starts git in another process and returns at once, to race it against the code under test.
    func startGit(_ arguments: String...) throws -> RunningGit {
        try Self.start(arguments, in: work)
    }

    private static func start(_ arguments: [String], in directory: URL) throws -> RunningGit {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = ["-C", directory.path] + arguments
        var environment = ProcessInfo.processInfo.environment
        for key in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY", "GIT_CEILING_DIRECTORIES"] {
            environment[key] = nil
        }
        environment["LC_ALL"] = "C"
        environment["GIT_TERMINAL_PROMPT"] = "0"
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        return RunningGit(process: process, output: output, error: error)
    }

    /// Writes `content` to the work-tree-relative `path`, creating folders.
    func write(_ path: String, _ content: String, in directory: URL? = nil) throws {
        try write(path, Data(content.utf8), in: directory)
    }

    func write(_ path: String, _ data: Data, in directory: URL? = nil) throws {
        let file = (directory ?? work).appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }

    func remove(_ path: String, in directory: URL? = nil) throws {
        try FileManager.default.removeItem(at: (directory ?? work).appendingPathComponent(path))
    }

    /// `git status --porcelain=v1 -uall`, one line per entry.
    func status(in directory: URL? = nil) throws -> [String] {
        try Self.run(["status", "--porcelain=v1", "-uall"], in: directory ?? work).split(separator: "\n").map(String.init)
    }

    /// Full id of `revision`, via `git rev-parse --verify`.
    func revision(_ revision: String = "HEAD", in directory: URL? = nil) throws -> String {
        try Self.run(["rev-parse", "--verify", "-q", revision], in: directory ?? work)
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Lines of git output, without the trailing empty one.
    func lines(_ arguments: String..., in directory: URL? = nil) throws -> [String] {
        try Self.run(arguments, in: directory ?? work).split(separator: "\n", omittingEmptySubsequences: false)
            .map(String.init).dropLast(while: \.isEmpty)
    }

    /// Everything a failed command must leave untouched: HEAD, every branch, the index's exact
    /// entries (mode, id, stage, path) and the status.
    func state(in directory: URL? = nil) throws -> RepositoryState {
        let place = directory ?? work
        return RepositoryState(
            head: (try? Self.run(["rev-parse", "--verify", "-q", "HEAD"], in: place)) ?? "",
            references: try Self.run(["for-each-ref", "--format=%(refname) %(objectname)"], in: place),
            index: try Self.run(["ls-files", "--stage"], in: place),
            status: try status(in: place))
    }

    /// A first commit with a README and some code, the usual starting point.
    @discardableResult
    func commitInitialFiles() throws -> String {
        try write("README.md", "# Paper\n")
        try write("src/model.py", "print('model')\n")
        try git("add", "README.md", "src/model.py")
        try git("commit", "-q", "-m", "Initial code")
        return try revision()
    }

    func open(at directory: URL? = nil) throws -> GitRepository {
        try GitRepository.discover(from: directory ?? work)
    }
}

/// A git process started by `Sandbox.startGit`.
struct RunningGit {
    var process: Process
    var output: Pipe
    var error: Pipe

    /// Waits for git to exit and returns its status and output.
    func finish() -> (status: Int32, output: String, error: String) {
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }
}

struct RepositoryState: Equatable {
    var head: String
    var references: String
    var index: String
    var status: [String]
}

struct CommandFailure: Error, CustomStringConvertible {
    var arguments: [String]
    var status: Int32
    var error: String

    var description: String { "git \(arguments.joined(separator: " ")) exited \(status): \(error)" }
}

extension Array where Element == String {
    /// Drops trailing elements while `predicate` holds.
    func dropLast(while predicate: (String) -> Bool) -> [String] {
        var copy = self
        while let last = copy.last, predicate(last) { copy.removeLast() }
        return copy
    }
}
