import Foundation
import Testing
import TestSupport

/// Issue 9, item 5: evidence is a web URL or a DOI, no date beyond tomorrow (UTC) is
/// stated as fact, `SOURCE_DATE_EPOCH` is checked; a record from disk is held to the same rules.
@Suite struct EvidenceAndDatesCLITests {
    let repo: PaperRepository

    init() throws {
        repo = try PaperRepository.withTrainingSet()
    }

    /// Exit 2, exactly `message` on stderr, nothing on stdout, the ledger untouched.
    func expectRejected(_ arguments: [String], environment: [String: String] = [:], message: String,
                        sourceLocation: SourceLocation = #_sourceLocation) throws {
        let before = try repo.ledgerSnapshot()
        let result = try ReproBinary.run(arguments, in: repo.path,
                                         environment: PaperRepository.environment.merging(environment) { _, new in new })
        #expect(result.status == 2, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.hasPrefix("repro: error: \(message)"), "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout == "", sourceLocation: sourceLocation)
        #expect(try repo.ledgerSnapshot() == before, "ledger changed by \(arguments)", sourceLocation: sourceLocation)
    }

    static var tomorrow: String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date().addingTimeInterval(86_400))
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    @Test func evidenceMustBeAWebURLOrADOI() throws {
        let rule = "expected an http or https URL or a DOI (doi:10.1234/abc or https://doi.org/10.1234/abc)"
        for bad in ["javascript:alert(1)", "file:///etc/passwd", "www.example.org", "doi:10.1234", "https://example.org/<b>"] {
            try expectRejected(["availability", "train", "withdrawn", "--as-of", "2025-01-01", "--evidence", bad],
                               message: "invalid --evidence \(bad.debugDescription): \(rule)")
        }
        for good in ["doi:10.5281/zenodo.1234567", "https://doi.org/10.5281/zenodo.1234567", "http://example.org/notice"] {
            let result = try repo.repro("availability", "train", "withdrawn", "--as-of", "2025-01-01", "--evidence", good)
            #expect(result.status == 0, "\(good): \(result.stderr)")
        }
    }

    @Test func datesBeyondTomorrowAreRefused() throws {
        let future = "invalid date \"9999-12-31\": it is in the future; the latest accepted is \(Self.tomorrow) (tomorrow, UTC)"
        try expectRejected(["availability", "train", "withdrawn", "--as-of", "9999-12-31"], message: future)
        try expectRejected(["disclaimer", "--as-of", "9999-12-31"], message: future)
        try expectRejected(["export", "--format", "bibtex", "--as-of", "9999-12-31"], message: future)
        #expect(try repo.repro("availability", "train", "withdrawn", "--as-of", Self.tomorrow).status == 0)
    }

    /// `--as-of` is a typed day: ArgumentParser names the option, the library says what is wrong.
    @Test func malformedDaysAreRefusedBeforeAnythingRuns() throws {
        for command in [["availability", "train", "withdrawn"], ["disclaimer"], ["checklist"], ["export", "--format", "prov"]] {
            for bad in ["2025-02-30", "2025-2-3", "yesterday"] {
                let before = try repo.ledgerSnapshot()
                let result = try ReproBinary.run(command + ["--as-of", bad], in: repo.path, environment: PaperRepository.environment)
                #expect(result.status == 2)
                #expect(result.stderr.hasPrefix("Error: The value '\(bad)' is invalid for '--as-of <YYYY-MM-DD>': "
                    + "invalid date \"\(bad)\": expected a calendar day as YYYY-MM-DD, e.g. 2024-07-23\nHelp:  --as-of <YYYY-MM-DD>"),
                        "\(result.stderr)")
                #expect(result.stdout == "")
                #expect(try repo.ledgerSnapshot() == before)
            }
        }
    }

    @Test func sourceDateEpochMustBeWholeSeconds() throws {
        for bad in ["abc", "-1", "1.5e9", "99999999999999999999"] {
            try expectRejected(["availability", "train", "withdrawn", "--as-of", "2025-01-01"], environment: ["SOURCE_DATE_EPOCH": bad],
                               message: "invalid SOURCE_DATE_EPOCH \(bad.debugDescription): expected whole seconds since "
                                   + "1970-01-01T00:00:00Z from 0 to ")
        }
    }

    @Test func aRecordFromDiskWithJavascriptEvidenceIsADefect() throws {
        try #require(try repo.repro("availability", "train", "withdrawn", "--as-of", "2025-01-01",
                                    "--evidence", "https://example.org/notice").status == 0)
        // A co-author's hand-edited record with a correct id: only the field rule can catch it.
        let forged = try Subprocess.run(["python3", "-c", """
            import glob, hashlib, json, os, rfc8785
            [path] = glob.glob("ledgers/main/events/*/*.json")
            record = json.load(open(path))
            record["evidence"] = "javascript:alert(1)"
            digest = hashlib.sha256(rfc8785.dumps(record)).hexdigest()
            os.remove(path)
            os.makedirs("ledgers/main/events/" + digest[:2], exist_ok=True)
            target = "ledgers/main/events/%s/%s.json" % (digest[:2], digest)
            json.dump(record, open(target, "w"), indent=2, sort_keys=True)
            print(target)
            """], in: repo.path)
        try #require(forged.status == 0, "\(forged.stderr)")
        let path = forged.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let fsck = try repo.repro("fsck")
        #expect(fsck.status == 1)
        #expect(fsck.stdout.contains("\(path): invalid field evidence: expected an http or https URL or a DOI "
            + "(doi:10.1234/abc or https://doi.org/10.1234/abc)\n"), "\(fsck.stdout)")
    }
}
