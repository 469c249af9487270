import ArgumentParser
import LedgerCore
import ReproKit
import SystemPackage

struct Track: WorkspaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "track",
        abstract: "Hash a file or folder and record it as an artifact; prints its digest.",
        discussion: """
            Hugging Face cache snapshots (models--ORG--NAME/snapshots/REV/) are recognised: the \
            repository and revision are read from the path (the default name is the repo id), every \
            file is checked against its blob name (SHA-256 for LFS files, git blob SHA-1 for the \
            others), and the model card (README.md front matter) gives the license, base_model \
            lineage and datasets unless --license or --derived-from say otherwise. A branch or tag \
            revision is a warning: only a 40-hex commit pins bytes. A git-LFS pointer file is \
            recorded by its oid and size, marked as a pointer. \
            A name that already names other bytes is refused unless --new-version is given.

            The record names a copy inside the work tree by its relative path; a copy outside it \
            is never recorded (no absolute path leaves this machine) but remembered in .repro/ \
            for `repro verify`, as `repro locate` does.
            """)

    @Argument(help: "File or folder to record.")
    var path: String

    @Option(help: "Name to refer to the artifact by (any printable text, e.g. org/model); default for a Hugging Face snapshot: its repo id.")
    var name: String?

    @Option(help: "What the artifact is.")
    var kind: ArtifactKind

    @Option(help: "Where it was downloaded from (repeatable).")
    var source: [String] = []

    @Option(help: "Hugging Face origin as REPO@REVISION.")
    var hf: String?

    @Flag(name: .customLong("force-hf"), help: "Record --hf even where it contradicts the snapshot path.")
    var forceHF = false

    @Option(help: "SPDX expression or Hugging Face license tag, e.g. 'Apache-2.0 OR MIT' or llama3.1.")
    var license: String?

    @Option(name: .customLong("derived-from"), help: "Name or digest of an artifact this one was made from (repeatable).")
    var derivedFrom: [String] = []

    @Option(help: "Free-text note kept with the record.")
    var note: String?

    @Option(help: "Ledger to record in.")
    var ledger = "main"

    @Flag(help: "Read every byte again instead of trusting the hash cache.")
    var noCache = false

    @Flag(name: .customLong("new-version"), help: "NAME already names other bytes: record these as its new version (the name keeps its history).")
    var newVersion = false

    @OptionGroup var output: OutputOptions

    func run(in workspace: Workspace) throws {
        var request = TrackRequest(path: FilePath(path), name: name, kind: kind)
        request.sources = source
        request.huggingFace = hf
        request.forceHuggingFace = forceHF
        request.license = license
        request.derivedFrom = derivedFrom
        request.ledger = ledger
        request.note = note
        request.useCache = !noCache
        request.newVersion = newVersion
        let outcome = try ProgressDisplay.while { try workspace.track(request, from: currentDirectory, progress: $0) }
        try Console.emit(outcome, json: output.json, text: TextReport.tracked)
    }
}
