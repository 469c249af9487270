/// The state of the code an experiment ran with, as git saw it.
///
/// Recorded so a reader knows whether the commit alone reproduces the run: a dirty
/// work tree means it does not, and the diff digest identifies exactly which patch.
public struct CodeState: Codable, Hashable, Sendable {
    /// False when the experiment ran outside any git repository.
    public var repository: Bool
    /// Full hex id of HEAD; nil on an unborn branch or outside a repository.
    public var commit: String?
    /// Short branch name (`main`); nil when HEAD is detached.
    public var branch: String?
    public var detached: Bool
    /// Tracked files differ from HEAD (staged or not), or untracked files exist that git does not ignore.
    public var dirty: Bool
    /// SHA-256 of the patch (`git diff HEAD` format) when dirty, so two runs on the same uncommitted change match.
    public var diffDigest: Digest?

    public init(repository: Bool, commit: String?, branch: String?, detached: Bool, dirty: Bool, diffDigest: Digest?) {
        self.repository = repository
        self.commit = commit
        self.branch = branch
        self.detached = detached
        self.dirty = dirty
        self.diffDigest = diffDigest
    }

    /// The state recorded when there is no repository: not an error, but a limitation to disclose.
    public static let noRepository = CodeState(repository: false, commit: nil, branch: nil, detached: false, dirty: false, diffDigest: nil)
}
