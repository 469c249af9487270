import Foundation
import TestSupport

/// Reading a repository back with the git CLI, the way a researcher would check what `repro` did.
extension PaperRepository {
    /// Lines of git's output, without the final empty one.
    func lines(_ arguments: String...) throws -> [String] {
        let output = try git(arguments).stdout
        return output.isEmpty ? [] : output.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    /// Full id of `revision`.
    func revision(_ revision: String = "HEAD") throws -> String {
        try git("rev-parse", "--verify", "-q", revision).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `git status --porcelain=v1 -uall`.
    func status() throws -> [String] {
        try lines("status", "--porcelain=v1", "-uall")
    }

    /// Files HEAD's commit touched, as `git show --name-status` prints them.
    func headChanges(_ revision: String = "HEAD") throws -> [String] {
        try lines("show", "--name-status", "--format=", revision)
    }

    /// `git fsck --strict` exits 0 and reports nothing but dangling objects.
    func fsckStrict() throws -> Subprocess.Result {
        try Subprocess.run(["git", "fsck", "--strict", "--no-dangling"], in: path, environment: Self.environment)
    }

    /// Runs `repro` somewhere other than this repository (a linked worktree, a subfolder), with the fixed environment.
    func repro(at directory: String, _ arguments: String..., environment: [String: String] = [:]) throws -> Subprocess.Result {
        try ReproBinary.run(arguments, in: directory, environment: Self.environment.merging(environment) { _, new in new })
    }
}
