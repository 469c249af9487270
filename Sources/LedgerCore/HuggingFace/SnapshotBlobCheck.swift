import Foundation

/// What the names of a snapshot's blobs say about its files, checked against their bytes.
///
/// The cache links every file to `blobs/<name>`: an LFS file's name is its SHA-256 (already
/// computed as the file's digest), any other file's name is its git blob SHA-1 (read here).
public struct SnapshotBlobCheck: Hashable, Sendable {
    public enum Algorithm: String, Codable, Hashable, Sendable {
        case sha256
        case gitSHA1 = "git-sha1"
    }

    public struct Mismatch: Hashable, Sendable {
        /// The file in the snapshot, as given plus the manifest path.
        public var path: String
        public var blob: String
        public var algorithm: Algorithm
        public var actual: String
    }

    /// Manifest path → git blob SHA-1 of each file linked to a 40-hex blob.
    public var gitBlobs: [String: String] = [:]
    /// Manifest paths of files linked to a 64-hex (LFS) blob.
    public var lfsFiles: Set<String> = []
    /// Files whose bytes do not match their blob name, in manifest order.
    public var mismatches: [Mismatch] = []

    /// Checks every file of `folder` (hashed as `manifest`) that links into a `blobs/` folder.
    public init(manifest: FolderManifest, folder: String) throws {
        for entry in manifest.entries {
            let path = folder + "/" + entry.displayPath
            guard let blob = Self.blobName(linkedFrom: path) else { continue }
            if blob.utf8.count == 64 {
                lfsFiles.insert(entry.displayPath)
                if blob != entry.digest.hex {
                    mismatches.append(Mismatch(path: path, blob: blob, algorithm: .sha256, actual: entry.digest.hex))
                }
            } else {
                let actual = try GitBlobID.of(path: path)
                gitBlobs[entry.displayPath] = actual
                if blob != actual { mismatches.append(Mismatch(path: path, blob: blob, algorithm: .gitSHA1, actual: actual)) }
            }
        }
    }

    /// Checks one file of a snapshot given alone.
    public init(file path: String, digest: Digest) throws {
        guard let blob = Self.blobName(linkedFrom: path) else { return }
        let name = (path as NSString).lastPathComponent
        if blob.utf8.count == 64 {
            lfsFiles.insert(name)
            if blob != digest.hex { mismatches.append(Mismatch(path: path, blob: blob, algorithm: .sha256, actual: digest.hex)) }
        } else {
            let actual = try GitBlobID.of(path: path)
            gitBlobs[name] = actual
            if blob != actual { mismatches.append(Mismatch(path: path, blob: blob, algorithm: .gitSHA1, actual: actual)) }
        }
    }

    /// The blob name a cache symlink points at: a 64- or 40-hex name inside a `blobs` folder.
    static func blobName(linkedFrom path: String) -> String? {
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: path) else { return nil }
        let parts = target.split(separator: "/")
        guard parts.count >= 2, parts[parts.count - 2] == "blobs" else { return nil }
        let name = String(parts[parts.count - 1])
        guard name.utf8.count == 64 || name.utf8.count == 40,
              name.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else { return nil }
        return name
    }
}

extension SnapshotBlobCheck.Mismatch {
    /// The error naming the file, exit status 1.
    public var error: LedgerError {
        switch algorithm {
        case .sha256: .lfsBlobMismatch(path: path, expected: blob, actual: actual)
        case .gitSHA1: .gitBlobMismatch(path: path, expected: blob, actual: actual)
        }
    }
}
