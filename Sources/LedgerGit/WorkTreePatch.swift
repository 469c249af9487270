import CLibGit2

/// The unified patch from HEAD's tree to the work tree, leaving out excluded paths.
///
/// For tracked files it is byte for byte `git diff HEAD --full-index`, so a reader can
/// recompute its digest with stock git; untracked, non-ignored files appear as new files,
/// as `git add -N` would show them. Full object ids make every distinct change, binary
/// ones included, produce distinct text without depending on a compressor's output.
struct WorkTreePatch {
    /// The concatenated per-file patches, in libgit2's path order.
    private(set) var bytes: [UInt8] = []
    /// The paths that differ from HEAD, excluded ones left out.
    private(set) var paths: [String] = []

    /// `largeFileSize` overrides libgit2's limit (512 MiB) above which it neither reads nor hashes a
    /// file; tests lower it to exercise that path with small files.
    init(repository: GitRepository, base commit: git_oid?, excluding excluded: [RepositoryPath], largeFileSize: Int64? = nil) throws {
        let tree = try repository.tree(ofCommit: commit)
        defer { git_tree_free(tree) }

        var options = git_diff_options()
        try check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "prepare a diff")
        options.flags = GIT_DIFF_INCLUDE_UNTRACKED.rawValue | GIT_DIFF_RECURSE_UNTRACKED_DIRS.rawValue
            | GIT_DIFF_SHOW_UNTRACKED_CONTENT.rawValue
        options.id_abbrev = 40
        if let largeFileSize { options.max_size = largeFileSize }

        // Excluded folders are ignored for this one diff, so libgit2 neither walks nor stats the
        // untracked files under them: a ledger of 120,000 records was most of the cost of `repro tag`.
        // Tracked files there still come out of the diff and are left out below.
        let rules = excluded.compactMap(\.ignoreRule)
        if !rules.isEmpty {
            try check(git_ignore_add_rule(repository.pointer, rules.joined(separator: "\n")), "prepare a diff")
        }
        defer { if !rules.isEmpty { git_ignore_clear_internal_rules(repository.pointer) } }

        var diff: OpaquePointer?
        try check(git_diff_tree_to_workdir_with_index(&diff, repository.pointer, tree, &options),
                  "compare the work tree of \(repository.workTreePath) with HEAD")
        defer { git_diff_free(diff) }

        for index in 0..<git_diff_num_deltas(diff) {
            guard let listed = git_diff_get_delta(diff, index)?.pointee else { continue }
            let path = String(cString: listed.new_file.path ?? listed.old_file.path)
            if excluded.cover(path) { continue }

            var patch: OpaquePointer?
            try check(git_patch_from_diff(&patch, diff, index), "build the patch of \(path)")
            defer { git_patch_free(patch) }
            guard let patch, let delta = git_patch_get_delta(patch)?.pointee else { continue }

            let text: [UInt8]
            if delta.status != GIT_DELTA_DELETED, delta.new_file.id.isZero {
                text = try Self.largeFileStanza(delta, path: path, in: repository)
            } else {
                var printed = git_buf()
                defer { git_buf_dispose(&printed) }
                try check(git_patch_to_buf(&printed, patch), "print the patch of \(path)")
                text = LedgerGit.bytes(of: printed)
            }
            guard !text.isEmpty else { continue }
            bytes += text
            paths.append(path)
        }
    }

    var isEmpty: Bool { paths.isEmpty }

    /// libgit2 skips reading work-tree files over its size limit and leaves their id zero, which
    /// would make every change to a large checkpoint look the same. Such files get git's own
    /// binary stanza, with the id from a streamed hash, exactly as `git diff` prints it.
    private static func largeFileStanza(_ delta: git_diff_delta, path: String, in repository: GitRepository) throws -> [UInt8] {
        var id = git_oid()
        try check(git_odb_hashfile(&id, repository.absolutePath(path), GIT_OBJECT_BLOB), "hash \(path)")
        let oldMode = String(delta.old_file.mode, radix: 8)
        let newMode = String(delta.new_file.mode, radix: 8)
        var lines = ["diff --git a/\(path) b/\(path)"]
        if delta.old_file.mode == 0 {
            lines += ["new file mode \(newMode)", "index \(git_oid().hex)..\(id.hex)", "Binary files /dev/null and b/\(path) differ"]
        } else if delta.old_file.mode != delta.new_file.mode {
            lines += ["old mode \(oldMode)", "new mode \(newMode)", "index \(delta.old_file.id.hex)..\(id.hex)", "Binary files a/\(path) and b/\(path) differ"]
        } else {
            lines += ["index \(delta.old_file.id.hex)..\(id.hex) \(newMode)", "Binary files a/\(path) and b/\(path) differ"]
        }
        return Array(lines.map { $0 + "\n" }.joined().utf8)
    }
}
