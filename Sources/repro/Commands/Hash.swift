import ArgumentParser
import Foundation
import LedgerCore
import ReproKit

struct Hash: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash",
        abstract: "Print the SHA-256 digest of files and folders; records nothing.",
        discussion: """
            A file's digest equals `sha256sum`. A folder's digest is the SHA-256 of its \
            canonical manifest (one `sha256sum` line per regular file, sorted by path bytes). \
            Symlinks are followed; loops, FIFOs, sockets and devices are refused. \
            Unchanged files are answered from the hash cache: .repro/hashcache.sqlite at the top \
            of the git work tree, $XDG_CACHE_HOME/repro outside one, or $REPRO_CACHE_DIR when set. \
            In a Hugging Face cache snapshot every file is also checked against its blob name \
            (SHA-256 for LFS files, git blob SHA-1 for the others); a mismatch names the file and exits 1.
            """)

    @Argument(help: "Files or folders to hash.")
    var paths: [String]

    @Flag(help: "Print one JSON document instead of text.")
    var json = false

    @Flag(help: "Read every byte again instead of trusting the hash cache.")
    var noCache = false

    func run() throws {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let command = HashCommand(paths: paths, useCache: !noCache, directory: cwd)
        let outcome = try Console.reportingFailures {
            try ProgressDisplay.while { progress in try command.run(progress: progress) }
        }
        outcome.cacheWarnings.forEach { Console.warn($0) }
        Console.out(json ? try HashCommand.json(outcome.results) : HashCommand.text(outcome.results))
    }
}
