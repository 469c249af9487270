/// The file list of a tracked folder, kept so `verify` can name the file that changed.
///
/// `folder` is the SHA-256 of the `sha256sum`-format listing of `entries`; fsck checks it.
public struct ManifestRecord: Codable, Hashable, Sendable {
    public static let currentSchema = "repro.manifest/1"

    public struct Entry: Codable, Hashable, Sendable {
        public var path: String
        public var digest: Digest
        public var size: Int64
        /// Git blob SHA-1 of a non-LFS file of a Hugging Face snapshot (the Hub's `blobId`),
        /// checked against its cache blob name when tracked; absent elsewhere, and in
        /// records written before it existed, whose bytes stay as they were.
        public var gitBlob: String?
    }

    public var schema = ManifestRecord.currentSchema
    public var folder: Digest
    public var entries: [Entry]

    public init(_ manifest: FolderManifest, gitBlobs: [String: String] = [:]) {
        folder = manifest.digest
        entries = manifest.entries.map {
            Entry(path: $0.displayPath, digest: $0.digest, size: $0.size, gitBlob: gitBlobs[$0.displayPath])
        }
    }

    /// The manifest as hashing knows it, to recompute the folder digest.
    public var manifest: FolderManifest {
        FolderManifest(entries: entries.map { FolderManifest.Entry(path: Array($0.path.utf8), digest: $0.digest, size: $0.size) })
    }
}
