import ArgumentParser

@main
struct Repro: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repro",
        abstract: "A reproducibility ledger for research papers.",
        discussion: """
            Records which checkpoint, dataset and license digests each experiment used, \
            keeps them as plain files under ledgers/ in git, and writes the paper's \
            reproducibility statement from them.

            Exit codes: 0 ok, 1 a check failed, 2 bad usage or input, 3 environment problem.
            """,
        version: "0.1.0",
        subcommands: [Init.self, Hash.self, Track.self, Availability.self, Tag.self, Run.self, Verify.self, Show.self, List.self, Log.self, Affected.self, Fsck.self, Reindex.self, Commit.self, Diff.self, Seal.self]
    )
}
