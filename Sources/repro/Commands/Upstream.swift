import ArgumentParser
import ReproKit

struct Upstream: WorkspaceCommand {
    static let configuration = CommandConfiguration(
        commandName: "upstream",
        abstract: "Ask the Hugging Face Hub and source URLs what they say now about recorded artifacts.",
        discussion: """
            For each artifact with a Hugging Face source, asks GET $HF_ENDPOINT/api/models/REPO/revision/REV?blobs=true \
            (datasets: /api/datasets/) and reports availability in the ledger's words (open, gated, private, \
            withdrawn), whether the recorded revision is still published, a rename, whether each recorded file \
            still matches (LFS SHA-256, git blob SHA-1) and license drift. URL sources get a HEAD only (no GET: \
            its body could not be bounded): 404 or 410 is withdrawn. Every source is asked: an artifact is open when any \
            source serves it and withdrawn only when every source says so.

            Only repo ids and revisions are sent to the Hub, with the token from HF_TOKEN or the Hugging Face \
            token file when there is one. A bare 401 without a token concludes nothing. HF_HUB_OFFLINE=1 refuses \
            to run (exit 3). REPRO_HTTP_TIMEOUT (seconds, default 10) and REPRO_HTTP_BACKOFF (seconds, default 1) \
            tune the requests; 429 honours Retry-After; 5xx and network errors are retried twice.

            Exit 0 every artifact was checked and nothing changed, 1 something drifted, 3 something could not be \
            concluded: the Hub or a URL could not be reached, answered over 16 MiB, or answered without saying \
            (for those artifacts nothing is concluded or recorded). A redirect is followed only as a rename on \
            the same origin at the same revision. --record appends an availability event, with its \
            evidence, for each artifact whose observed status differs from the ledger's current one.
            """)

    @Argument(help: "Artifacts to ask about (names, digests or prefixes); all with a Hub or URL source when none are given.")
    var artifacts: [String] = []

    @Flag(help: "Append an availability event for each status that changed.")
    var record = false

    @OptionGroup var output: OutputOptions

    func run(in workspace: Workspace) throws {
        let report = try workspace.upstream(artifacts, record: record)
        try Console.emit(report, json: output.json, text: TextReport.upstream)
        if report.exitStatus != .ok { throw ExitCode(report.exitStatus.rawValue) }
    }
}
