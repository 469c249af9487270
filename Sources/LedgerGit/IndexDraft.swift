import CLibGit2
import Foundation

/// A private copy of the repository's index, edited while we hold `index.lock` and then
/// renamed over the real one, as git does, so no reader ever sees a half-written index.
///
/// libgit2 can only write an index to its own path (through `PATH.lock`), and the real
/// index's lock is ours for the whole commit, so the copy lives next to it under another name.
final class IndexDraft {
    private let index: OpaquePointer
    private let indexPath: String
    private let draftPath: String
    /// The real index as it was, kept (hard-linked) from the first `install` until `keep` or `restore`.
    private let backupPath: String
    /// Whether the real index has been replaced and not yet kept or restored.
    private var installed = false
    /// Whole seconds of the real index's modification time when copied; nil when there was none.
    private let originalModification: Int?

    /// Call only while holding the index lock: any draft left from a crashed run is discarded.
    init(indexPath: String) throws {
        self.indexPath = indexPath
        draftPath = indexPath + ".repro-draft"
        backupPath = indexPath + ".repro-backup"
        unlink(draftPath)
        unlink(draftPath + ".lock")
        unlink(backupPath)
        let original = try FileStatus(path: indexPath)
        originalModification = original.map { Int($0.modified.tv_sec) }
        if original != nil {
            do {
                try FileManager.default.copyItem(atPath: indexPath, toPath: draftPath)
            } catch {
                throw GitError.fileSystem(operation: "copy the index to", path: draftPath, reason: "\(error)")
            }
        }
        var opened: OpaquePointer?
        try check(git_index_open(&opened, draftPath), "read the index \(indexPath)")
        guard let opened else {
            throw GitError.libgit2(operation: "read the index \(indexPath)", code: -1, message: "libgit2 returned no index")
        }
        index = opened
    }

    deinit {
        git_index_free(index)
        unlink(draftPath)
        unlink(draftPath + ".lock")
    }

    /// Whether git tracks `path` or anything under it, at any stage (conflicted entries count).
    func tracks(anythingUnder path: RepositoryPath) -> Bool {
        entries(of: index).contains { path.covers($0.path) }
    }

    func tracks(_ path: String) -> Bool {
        (0...3).contains { git_index_get_bypath(index, path, $0) != nil }
    }

    /// Makes the entries under `paths` exactly `files` (the new commit's content there), at stage 0,
    /// with fresh stat data so git sees them clean without re-reading them. Gitlinks are left alone.
    func replaceEntries(under paths: [RepositoryPath], with files: [WorkTreeFile]) throws {
        for (path, stage, entry) in entries(of: index) where paths.cover(path) && entry.mode != GitMode.gitlink {
            try check(git_index_remove(index, path, stage), "remove \(path) from the index")
        }
        for file in files {
            var entry = git_index_entry()
            entry.ctime = git_index_time(seconds: Int32(truncatingIfNeeded: file.status.changed.tv_sec),
                                         nanoseconds: UInt32(truncatingIfNeeded: file.status.changed.tv_nsec))
            entry.mtime = git_index_time(seconds: Int32(truncatingIfNeeded: file.status.modified.tv_sec),
                                         nanoseconds: UInt32(truncatingIfNeeded: file.status.modified.tv_nsec))
            entry.dev = UInt32(truncatingIfNeeded: file.status.device)
            entry.ino = UInt32(truncatingIfNeeded: file.status.inode)
            entry.uid = file.status.user
            entry.gid = file.status.group
            entry.file_size = UInt32(truncatingIfNeeded: file.status.size)
            entry.mode = file.tree.mode
            entry.id = file.tree.id
            try file.path.withCString { text in
                entry.path = text
                try check(git_index_add(index, &entry), "add \(file.path) to the index")
            }
        }
    }

    /// Intent-to-add and skip-worktree entries describe no work-tree file to re-check; other
    /// bits in `flags_extended` (such as "up to date") are libgit2's in-memory bookkeeping.
    private static let specialEntryFlags = UInt16(GIT_INDEX_ENTRY_EXTENDED_FLAGS.rawValue)

    /// Writes the draft and renames it over the real index, keeping the original until `keep`
    /// or `restore` (both called under the same index lock).
    ///
    /// Entries modified in the last seconds get their cached size zeroed first (git's
    /// "smudging"): their stat data may have been taken within the same timestamp tick as
    /// a later change, and a newer index file would hide that from git's racy-file check.
    /// A zero size makes git compare content once, which is always correct.
    func install() throws {
        let cutoff = min(originalModification ?? .max, secondsSinceEpochNow() - 2)
        for (path, stage, entry) in entries(of: index)
        where stage == 0 && entry.mode != GitMode.gitlink && entry.flags_extended & Self.specialEntryFlags == 0
            && Int(entry.mtime.seconds) >= cutoff && entry.file_size != 0 {
            var smudged = entry
            smudged.file_size = 0
            try path.withCString { text in
                smudged.path = text
                try check(git_index_add(index, &smudged), "mark \(path) for re-checking in the index")
            }
        }
        try check(git_index_write(index), "write the updated index")
        if !installed, originalModification != nil { try keepOriginal() }
        guard rename(draftPath, indexPath) == 0 else {
            let reason = String(cString: strerror(errno))
            // Nothing was replaced: the backup is only a second name (or a copy) of the index.
            if !installed { unlink(backupPath) }
            throw GitError.fileSystem(operation: "replace the index", path: indexPath, reason: reason)
        }
        installed = true
    }

    /// A second name for the real index, or a copy where the file system has no hard links.
    private func keepOriginal() throws {
        if link(indexPath, backupPath) == 0 { return }
        do {
            try FileManager.default.copyItem(atPath: indexPath, toPath: backupPath)
        } catch {
            throw GitError.fileSystem(operation: "keep a copy of the index as", path: backupPath, reason: "\(error)")
        }
    }

    /// The commit landed: the installed index stays and the original is dropped.
    func keep() {
        installed = false
        unlink(backupPath)
    }

    /// The commit did not land: the real index goes back to what it was before `install`, and
    /// the draft too, so a retry on a fresh HEAD plans against the index the user left.
    func restore() throws {
        guard installed else { return }
        installed = false
        if originalModification == nil {
            unlink(indexPath)
        } else if rename(backupPath, indexPath) != 0 {
            throw GitError.fileSystem(operation: "put back the index from", path: backupPath, reason: String(cString: strerror(errno)))
        }
        unlink(draftPath)
        if originalModification != nil {
            do {
                try FileManager.default.copyItem(atPath: indexPath, toPath: draftPath)
            } catch {
                throw GitError.fileSystem(operation: "copy the index to", path: draftPath, reason: "\(error)")
            }
        }
        try check(git_index_read(index, 1), "read the index \(indexPath) again")
    }
}
