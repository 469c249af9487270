import CLibGit2

extension GitRepository {
    /// Creates an annotated tag `name` on the commit `revision` names (HEAD's when nil), with the
    /// tagger from `user.name` and `user.email`, and returns the new tag object's id. An existing
    /// tag is never moved. Naming the commit lets a caller tag the commit it just made even if
    /// another writer has moved HEAD since.
    public func createAnnotatedTag(name: String, message: String, at revision: String? = nil) throws -> String {
        let text = try CommitMessage.prettified(message)
        var commit: git_oid
        if let revision {
            commit = try commitID(of: revision)
        } else {
            let head = try readHead()
            guard let current = head.commit else { throw GitError.unbornBranch(branch: head.branch ?? "HEAD") }
            commit = current
        }
        let tagger = try identity().signatureNow()
        defer { git_signature_free(tagger) }

        var target: OpaquePointer?
        try check(git_object_lookup(&target, pointer, &commit, GIT_OBJECT_COMMIT), "read the commit \(commit.hex)")
        defer { git_object_free(target) }

        var tag = git_oid()
        let code = git_tag_create(&tag, pointer, name, target, tagger, text, 0)
        if code == GIT_EEXISTS.rawValue { throw GitError.tagExists(name) }
        if code == GIT_EINVALIDSPEC.rawValue { throw GitError.invalidTagName(name) }
        try check(code, "create the tag '\(name)'")
        return tag.hex
    }

    /// Names of all tags starting with `prefix` (plain text, not a pattern), in git's byte order.
    public func tagNames(withPrefix prefix: String) throws -> [String] {
        var names = git_strarray()
        try check(git_tag_list(&names, pointer), "list the tags of \(workTreePath)")
        defer { git_strarray_dispose(&names) }
        return strings(of: names).filter { $0.hasPrefix(prefix) }.sortedLikeGit()
    }

    /// The message of annotated tag `name`, as git stores it (ending in a newline).
    public func tagMessage(_ name: String) throws -> String {
        var reference: OpaquePointer?
        let code = git_reference_lookup(&reference, pointer, "refs/tags/" + name)
        defer { git_reference_free(reference) }
        if code == GIT_ENOTFOUND.rawValue || code == GIT_EINVALIDSPEC.rawValue { throw GitError.unknownTag(name) }
        try check(code, "read the tag '\(name)'")

        var resolved: OpaquePointer?
        try check(git_reference_resolve(&resolved, reference), "read the tag '\(name)'")
        defer { git_reference_free(resolved) }
        guard let target = git_reference_target(resolved) else { throw GitError.unknownTag(name) }

        var object: OpaquePointer?
        try check(git_object_lookup(&object, pointer, target, GIT_OBJECT_ANY), "read the tag '\(name)'")
        defer { git_object_free(object) }
        guard git_object_type(object) == GIT_OBJECT_TAG else { throw GitError.notAnnotatedTag(name) }
        return git_tag_message(object).map { String(cString: $0) } ?? ""
    }
}
