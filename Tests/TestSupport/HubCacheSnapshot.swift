import Foundation

/// A real Hugging Face cache repo folder, `models--ORG--NAME/{blobs,refs,snapshots}`, as
/// `huggingface_hub` leaves it: every snapshot file a relative symlink into `blobs/`, named by
/// its SHA-256 when LFS and by its git blob SHA-1 otherwise (computed by `sha256sum` and
/// `git hash-object`, independently of repro).
public struct HubCacheSnapshot {
    public var repo: String
    public var commit: String
    /// `…/snapshots/<commit>`.
    public var path: String
    public var blobs: String
    /// File → blob name.
    public var blobNames: [String: String] = [:]

    /// `files` maps snapshot paths to (bytes, is LFS).
    public init(in folder: TemporaryFolder, repo: String, commit: String, type: String = "models",
                files: [(path: String, bytes: [UInt8], lfs: Bool)]) throws {
        self.repo = repo
        self.commit = commit
        let holder = folder.child("hub/\(type)--" + repo.replacingOccurrences(of: "/", with: "--"))
        blobs = holder + "/blobs"
        path = holder + "/snapshots/" + commit
        try FileManager.default.createDirectory(atPath: blobs, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: holder + "/refs", withIntermediateDirectories: true)
        try Data(commit.utf8).write(to: URL(fileURLWithPath: holder + "/refs/main"))
        for file in files {
            let staging = folder.child("staging-\(UUID().uuidString)")
            try Data(file.bytes).write(to: URL(fileURLWithPath: staging))
            let name = file.lfs ? String(try Self.tool(["sha256sum", staging]).split(separator: " ")[0])
                : try Self.tool(["git", "hash-object", staging])
            let blob = blobs + "/" + name
            if FileManager.default.fileExists(atPath: blob) { try FileManager.default.removeItem(atPath: staging) }
            else { try FileManager.default.moveItem(atPath: staging, toPath: blob) }
            let link = path + "/" + file.path
            let parent = (link as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            let depth = file.path.split(separator: "/").count - 1
            let target = String(repeating: "../", count: depth + 2) + "blobs/" + name
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
            blobNames[file.path] = name
        }
    }

    /// Overwrites the blob behind `file` with other bytes, as a corrupt download would.
    public func corrupt(_ file: String, with bytes: [UInt8]) throws {
        let blob = blobs + "/" + blobNames[file]!
        try FileManager.default.removeItem(atPath: blob)
        try Data(bytes).write(to: URL(fileURLWithPath: blob))
    }

    private static func tool(_ arguments: [String]) throws -> String {
        let result = try Subprocess.run(arguments)
        guard result.status == 0 else { throw SnapshotFixtureFailure(message: "\(arguments): \(result.stderr)") }
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

public struct SnapshotFixtureFailure: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
