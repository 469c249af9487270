import Foundation
import Testing
import TestSupport

/// Every closed vocabulary of the command line is parsed by ArgumentParser: a word outside it
/// is refused before anything runs, with ArgumentParser's message naming the option and
/// listing the valid values, exit 2, nothing on stdout, the ledger unchanged. Cross-option
/// rules are `validate()` errors with their own sentence.
@Suite struct TypedOptionsCLITests {
    let repo: PaperRepository

    init() throws {
        repo = try PaperRepository.withTrainingSet()
    }

    static let kinds = "  - checkpoint\n  - dataset\n  - tokenizer\n  - config\n  - code\n  - result\n  - other\n"
    static let experimentUsage = "Usage: repro tag [<experiment>] [--from-json <from-json>] [--uses <uses> ...] [--produces <produces> ...] "
        + "[--produces-kind <produces-kind>] [--section <section>] [--note <note>] [--derived-from <derived-from> ...] "
        + "[--ledger <ledger>] [--as-recorded] [--json]\n"
    static let scopeUsage = "[--ledger <ledger> ...] [--experiment <experiment> ...] [--section <section> ...] [--as-of <YYYY-MM-DD>] [--verify] "
    static let disclaimerUsage = "Usage: repro disclaimer \(scopeUsage)[--format <format>] [--json] [--macros] [--appendix] [--aux <file>] [--output <file>]\n"
        + "  See 'repro disclaimer --help' for more information.\n"
    static let checklistUsage = "Usage: repro checklist --venue <venue> \(scopeUsage)[--format <format>] [--json] [--output <file>]\n"
        + "  See 'repro checklist --help' for more information.\n"

    static let rejected: [([String], String)] = [
        (["track", "data/train.csv", "--name", "t2", "--kind", "weights"],
         "Error: The value 'weights' is invalid for '--kind <kind>'. Please provide one of the following:\n\(kinds)"
            + "Help:  --kind <kind>  What the artifact is.\n"
            + "Usage: repro track [<options>] <path> --kind <kind>\n  See 'repro track --help' for more information.\n"),
        (["tag", "exp", "--uses", "train", "--produces-kind", "blob"],
         "Error: The value 'blob' is invalid for '--produces-kind <produces-kind>'. Please provide one of the following:\n\(kinds)"
            + "Help:  --produces-kind <produces-kind>  Kind recorded for new output artifacts.\n"
            + experimentUsage + "  See 'repro tag --help' for more information.\n"),
        (["availability", "train", "vanished", "--as-of", "2025-02-03"],
         "Error: The value 'vanished' is invalid for '<status>'. Please provide one of the following:\n"
            + "  - open\n  - gated\n  - api-only\n  - deprecated\n  - withdrawn\n  - private\n  - retained\n"
            + "Help:  <status>  The status observed (retained = a copy the authors keep).\n"
            + "Usage: repro availability <artifact> <status> --as-of <YYYY-MM-DD> [--evidence <evidence>] [--note <note>] [--ledger <ledger>] [--json]\n"
            + "  See 'repro availability --help' for more information.\n"),
        (["disclaimer", "--format", "pdf"],
         "Error: The value 'pdf' is invalid for '--format <format>'. Please provide one of 'latex', 'markdown', 'text' or 'json'.\n"
            + "Help:  --format <format>  The statement's format; json is the analysis itself (default: text).\n"
            + disclaimerUsage),
        (["checklist", "--venue", "icml"],
         "Error: The value 'icml' is invalid for '--venue <venue>'. Please provide one of 'neurips', 'acl' or 'aaai'.\n"
            + "Help:  --venue <venue>  The venue whose checklist to answer.\n" + checklistUsage),
        (["checklist", "--venue", "acl", "--format", "html"],
         "Error: The value 'html' is invalid for '--format <format>'. Please provide one of 'latex', 'markdown', 'text' or 'json'.\n"
            + "Help:  --format <format>  The answers' format (default: text).\n" + checklistUsage),
        (["export", "--format", "spdx"],
         "Error: The value 'spdx' is invalid for '--format <format>'. Please provide one of 'cyclonedx', 'prov' or 'bibtex'.\n"
            + "Help:  --format <format>  The interchange format.\n"
            + "Usage: repro export --format <format> [--ledger <ledger> ...] [--as-of <YYYY-MM-DD>] [--output <file>]\n"
            + "  See 'repro export --help' for more information.\n"),
        (["graph", "--format", "svg"],
         "Error: The value 'svg' is invalid for '--format <format>'. Please provide one of 'mermaid' and 'dot'.\n"
            + "Help:  --format <format>  The diagram language.\n"
            + "Usage: repro graph [--format <format>] [--ledger <ledger> ...] [--output <file>]\n"
            + "  See 'repro graph --help' for more information.\n"),
        (["disclaimer", "--as-of", "2025-02-30"],
         "Error: The value '2025-02-30' is invalid for '--as-of <YYYY-MM-DD>': "
            + "invalid date \"2025-02-30\": expected a calendar day as YYYY-MM-DD, e.g. 2024-07-23\n"
            + "Help:  --as-of <YYYY-MM-DD>  Read availability as of this day; default: the latest events.\n" + disclaimerUsage),
        // Cross-option rules: each command's validate().
        (["disclaimer", "--format", "markdown", "--macros"],
         "Error: --macros defines LaTeX commands; use it with --format latex\n" + disclaimerUsage),
        (["disclaimer", "--json", "--format", "latex"],
         "Error: --json means --format json; give one of --json and --format latex\n" + disclaimerUsage),
        (["checklist", "--venue", "neurips", "--json", "--format", "text"],
         "Error: --json means --format json; give one of --json and --format text\n" + checklistUsage),
        (["verify", "--seal", "repro/main/1", "train"],
         "Error: --seal checks a tag; give it no artifacts and no --no-cache.\n"
            + "Usage: repro verify [<artifacts> ...] [--no-cache] [--seal <seal>] [--json]\n"
            + "  See 'repro verify --help' for more information.\n"),
    ]

    @Test(arguments: rejected)
    func wordOutsideTheVocabularyIsRefusedByTheParser(arguments: [String], stderr: String) throws {
        let before = try repo.ledgerSnapshot()
        let result = try ReproBinary.run(arguments, in: repo.path, environment: PaperRepository.environment)
        #expect(result.status == 2, "\(arguments)")
        #expect(result.stdout == "")
        #expect(result.stderr == stderr)
        #expect(try repo.ledgerSnapshot() == before)
    }

    /// Each valid word reaches the library as its typed value.
    @Test func everyWordOfTheVocabularyIsAccepted() throws {
        for kind in ["checkpoint", "dataset", "tokenizer", "config", "code", "result", "other"] {
            try repo.folder.write("data/\(kind).bin", kind)
            let tracked = try repo.repro("track", "data/\(kind).bin", "--name", kind, "--kind", kind, "--json")
            #expect(tracked.status == 0, "\(tracked.stderr)")
            #expect(tracked.stdout.contains("\"kind\" : \"\(kind)\""), "\(tracked.stdout)")
        }
        for status in ["open", "gated", "api-only", "deprecated", "withdrawn", "private", "retained"] {
            let recorded = try repo.repro("availability", "train", status, "--as-of", "2025-02-03", "--json")
            #expect(recorded.status == 0, "\(recorded.stderr)")
            #expect(recorded.stdout.contains("\"status\" : \"\(status)\""), "\(recorded.stdout)")
        }
        try repo.folder.write("out/model.bin", "weights")
        let tagged = try repo.repro("tag", "tune", "--uses", "train", "--produces", "out/model.bin", "--produces-kind", "checkpoint", "--json")
        #expect(tagged.status == 0, "\(tagged.stderr)")
        #expect(tagged.stdout.contains("\"kind\" : \"checkpoint\""), "\(tagged.stdout)")
        for venue in ["neurips", "acl", "aaai"] {
            for format in ["latex", "markdown", "text", "json"] {
                let answered = try repo.repro("checklist", "--venue", venue, "--format", format)
                #expect(answered.status == 0, "\(venue) \(format): \(answered.stderr)")
            }
        }
        let json = try repo.repro("disclaimer", "--json", "--format", "json")
        #expect(json.status == 0, "\(json.stderr)")
        #expect(json.stdout == (try repo.repro("disclaimer", "--format", "json")).stdout)
        #expect(json.stdout.hasPrefix("{"))
    }
}
