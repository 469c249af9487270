import CLibGit2
import Foundation

/// A work-tree file about to be committed: its path, the blob and mode stored for it,
/// and the stat data taken before reading it (so a later edit shows as a change).
struct WorkTreeFile {
    var path: String
    var tree: TreeFile
    var status: FileStatus
}

extension GitRepository {
    /// The files git would consider under `path`, as `git add` would pick them: regular files and
    /// symbolic links, tracked ones always, untracked ones unless ignored. `.git` folders and nested
    /// repositories are skipped. Each file's content is stored as a blob (through git's filters).
    func workTreeFiles(under path: RepositoryPath, isTracked: (String) -> Bool, keepsFileModes: Bool,
                       previous: [String: TreeFile]) throws -> [WorkTreeFile] {
        var found: [WorkTreeFile] = []
        try collect(path.text, into: &found, isTracked: isTracked, keepsFileModes: keepsFileModes, previous: previous)
        return found
    }

    private func collect(_ relative: String, into found: inout [WorkTreeFile], isTracked: (String) -> Bool,
                         keepsFileModes: Bool, previous: [String: TreeFile]) throws {
        let absolute = absolutePath(relative)
        guard let status = try FileStatus(path: absolute) else { return }
        switch status.kind {
        case .directory:
            guard try FileStatus(path: absolute + "/.git") == nil else { return }
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: absolute)
            } catch {
                throw GitError.fileSystem(operation: "list", path: absolute, reason: "\(error)")
            }
            for name in names.sorted() where name != ".git" {
                try collect(relative + "/" + name, into: &found, isTracked: isTracked, keepsFileModes: keepsFileModes, previous: previous)
            }
        case .file, .symbolicLink:
            guard try isTracked(relative) || !isIgnored(relative) else { return }
            var id = git_oid()
            try check(git_blob_create_from_workdir(&id, pointer, relative), "store the content of \(relative)")
            found.append(WorkTreeFile(path: relative, tree: TreeFile(id: id, mode: mode(of: status, previous: previous[relative], keepsFileModes: keepsFileModes)), status: status))
        case .other:
            return
        }
    }

    private func mode(of status: FileStatus, previous: TreeFile?, keepsFileModes: Bool) -> UInt32 {
        if status.kind == .symbolicLink { return GitMode.symbolicLink }
        if !keepsFileModes, let previous, previous.mode == GitMode.file || previous.mode == GitMode.executable {
            return previous.mode
        }
        return keepsFileModes && status.executable ? GitMode.executable : GitMode.file
    }

    func isIgnored(_ relative: String) throws -> Bool {
        var ignored: Int32 = 0
        try check(git_ignore_path_is_ignored(&ignored, pointer, relative), "check whether \(relative) is ignored")
        return ignored != 0
    }

    /// `core.filemode`: false on file systems that cannot keep the executable bit, where git keeps recorded modes.
    func keepsFileModes() throws -> Bool {
        var snapshot: OpaquePointer?
        try check(git_repository_config_snapshot(&snapshot, pointer), "read the git configuration of \(workTreePath)")
        defer { git_config_free(snapshot) }
        var value: Int32 = 1
        let code = git_config_get_bool(&value, snapshot, "core.filemode")
        if code == GIT_ENOTFOUND.rawValue { return true }
        try check(code, "read core.filemode")
        return value != 0
    }
}
