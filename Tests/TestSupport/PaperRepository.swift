import Foundation

/// A throwaway git repository standing in for a paper's repository.
public final class PaperRepository: @unchecked Sendable {
    public let folder: TemporaryFolder
    public var path: String { folder.path }
    public var url: URL { folder.url }

    /// Fixed identity and clock, so records written in tests are byte-for-byte reproducible.
    public static let environment: [String: String] = [
        "SOURCE_DATE_EPOCH": "1767225600", "REPRO_USER": "ada", "REPRO_HOST": "lab-01",
        "GIT_AUTHOR_DATE": "2026-01-01T00:00:00Z", "GIT_COMMITTER_DATE": "2026-01-01T00:00:00Z",
    ]

    public init() throws {
        folder = try TemporaryFolder("paper")
        try git("init", "-q", "-b", "main")
        try git("config", "user.name", "Ada Lovelace")
        try git("config", "user.email", "ada@example.org")
    }

    /// A clone of `origin` (as a co-author or cluster job has), with its own identity.
    public init(cloning origin: PaperRepository, identity: (name: String, email: String) = ("Grace Hopper", "grace@example.org")) throws {
        folder = try TemporaryFolder("clone")
        try git("clone", "-q", origin.path, ".")
        try git("config", "user.name", identity.name)
        try git("config", "user.email", identity.email)
    }

    @discardableResult
    public func git(_ arguments: String...) throws -> Subprocess.Result {
        try git(arguments)
    }

    @discardableResult
    public func git(_ arguments: [String]) throws -> Subprocess.Result {
        let result = try Subprocess.run(["git"] + arguments, in: path, environment: Self.environment)
        guard result.status == 0 else { throw GitFailure(arguments: arguments, stderr: result.stderr) }
        return result
    }

    /// Runs the real `repro` binary here with the fixed environment.
    @discardableResult
    public func repro(_ arguments: String..., in subfolder: String? = nil, environment: [String: String] = [:]) throws -> Subprocess.Result {
        try repro(arguments, in: subfolder, environment: environment)
    }

    /// The same, for arguments built as a list.
    @discardableResult
    public func repro(_ arguments: [String], in subfolder: String? = nil, environment: [String: String] = [:]) throws -> Subprocess.Result {
        try ReproBinary.run(arguments, in: subfolder.map { folder.child($0) } ?? path,
                            environment: Self.environment.merging(environment) { _, new in new })
    }

    /// Every file under `ledgers/` with its bytes, to prove a failed command changed nothing.
    public func ledgerSnapshot() throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let root = folder.url.appendingPathComponent("ledgers")
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return files }
        while let relative = walker.nextObject() as? String {
            let full = root.appendingPathComponent(relative).path
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue {
                files[relative] = [UInt8](FileManager.default.contents(atPath: full) ?? Data())
            }
        }
        return files
    }

    /// `repro init` done and `data/train.csv` tracked as the dataset `train`: where most
    /// command-line tests start.
    public static func withTrainingSet() throws -> PaperRepository {
        let repo = try PaperRepository()
        try repo.repro("init")
        try repo.folder.write("data/train.csv", "a,b\n1,2\n")
        let tracked = try repo.repro("track", "data/train.csv", "--name", "train", "--kind", "dataset")
        guard tracked.status == 0 else { throw SetupFailure(step: "repro track data/train.csv", stderr: tracked.stderr) }
        return repo
    }

    public struct SetupFailure: Error, CustomStringConvertible {
        public var step: String
        public var stderr: String
        public var description: String { "\(step) failed: \(stderr)" }
    }

    public struct GitFailure: Error, CustomStringConvertible {
        public var arguments: [String]
        public var stderr: String
        public var description: String { "git \(arguments.joined(separator: " ")) failed: \(stderr)" }
    }
}
