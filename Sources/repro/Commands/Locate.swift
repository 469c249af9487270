import ArgumentParser
import ReproKit
import SystemPackage

struct Locate: WorkspaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "locate",
        abstract: "Tell this machine where a copy of a recorded artifact lives (kept in .repro/, never committed).",
        discussion: """
            Records say what an artifact is and where it comes from, never where it lies on one \
            machine. Hashes PATH and remembers it for `repro verify` when it holds the recorded \
            bytes; exits 1, remembering nothing, when it does not. Copies inside the work tree and \
            Hugging Face snapshots in this machine's cache (HF_HUB_CACHE, else HF_HOME/hub, else \
            $XDG_CACHE_HOME/huggingface/hub, else ~/.cache/huggingface/hub) are found without it.
            """)

    @Argument(help: "The artifact (name, digest or prefix).")
    var artifact: String

    @Argument(help: "File or folder holding a copy of it on this machine.")
    var path: String

    @Flag(help: "Read every byte again instead of trusting the hash cache.")
    var noCache = false

    @OptionGroup var output: OutputOptions

    func run(in workspace: Workspace) throws {
        let outcome = try ProgressDisplay.while {
            try workspace.locate(artifact, at: FilePath(path), from: currentDirectory, useCache: !noCache, progress: $0)
        }
        try Console.emit(outcome, json: output.json, text: TextReport.located)
    }
}
