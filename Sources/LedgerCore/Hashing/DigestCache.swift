/// A digest known for a file in a given state, as a cache stores it.
public struct CachedDigest: Sendable, Equatable {
    public var identity: FileIdentity
    public var digest: Digest
    /// Wall-clock time just before the file was read; decides whether the entry is racy.
    public var hashedAtNanoseconds: Int64
    public var path: String

    public init(identity: FileIdentity, digest: Digest, hashedAtNanoseconds: Int64, path: String) {
        self.identity = identity
        self.digest = digest
        self.hashedAtNanoseconds = hashedAtNanoseconds
        self.path = path
    }
}

/// Remembers file digests by `stat` identity so unchanged files are not re-read.
///
/// Declared here so hashing knows nothing of the storage; LedgerIndex supplies
/// the SQLite implementation.
public protocol DigestCache: Sendable {
    /// Digests still valid for exactly these identities; racy or missing entries are absent.
    func digests(for identities: [FileIdentity]) throws -> [FileIdentity: Digest]
    func remember(_ entries: [CachedDigest]) throws
}
