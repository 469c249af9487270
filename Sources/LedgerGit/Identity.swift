import CLibGit2

/// Where a commit's author and committer come from.
enum IdentitySource {
    /// Every configuration file git reads: system, global (`~/.gitconfig`), XDG, repository, worktree.
    case allConfiguration
    /// The repository's own `.git/config` only; tests use it so the machine's global identity cannot leak in.
    case repositoryConfiguration
}

/// `user.name` and `user.email` as git would use them for a commit.
struct Identity {
    var name: String
    var email: String

    /// A libgit2 signature stamped with the current time; the caller frees it with `git_signature_free`.
    func signatureNow() throws -> UnsafeMutablePointer<git_signature> {
        var signature: UnsafeMutablePointer<git_signature>?
        try check(git_signature_now(&signature, name, email), "use the identity \(name) <\(email)>")
        guard let signature else {
            throw GitError.libgit2(operation: "use the identity \(name) <\(email)>", code: -1, message: "libgit2 returned no signature")
        }
        return signature
    }
}

extension GitRepository {
    /// Reads the identity like git: empty values count as missing, since git refuses them too.
    func identity() throws -> Identity {
        var snapshot: OpaquePointer?
        try check(git_repository_config_snapshot(&snapshot, pointer), "read the git configuration of \(workTreePath)")
        defer { git_config_free(snapshot) }

        var config = snapshot
        var repositoryLevel: OpaquePointer?
        defer { git_config_free(repositoryLevel) }
        if identitySource == .repositoryConfiguration {
            let code = git_config_open_level(&repositoryLevel, snapshot, GIT_CONFIG_LEVEL_LOCAL)
            if code != GIT_ENOTFOUND.rawValue {
                try check(code, "read the repository configuration of \(workTreePath)")
            }
            config = repositoryLevel
        }

        let name = try config.flatMap { try value(of: "user.name", in: $0) } ?? ""
        let email = try config.flatMap { try value(of: "user.email", in: $0) } ?? ""
        let missing = [("user.name", name), ("user.email", email)]
            .filter { $0.1.allSatisfy(\.isWhitespace) }
            .map(\.0)
        guard missing.isEmpty else { throw GitError.missingIdentity(missingKeys: missing) }
        return Identity(name: name, email: email)
    }

    private func value(of key: String, in config: OpaquePointer) throws -> String? {
        var text = git_buf()
        defer { git_buf_dispose(&text) }
        let code = git_config_get_string_buf(&text, config, key)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try check(code, "read \(key) from the git configuration")
        return String(decoding: bytes(of: text), as: UTF8.self)
    }
}
