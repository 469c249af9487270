import Foundation
import LedgerCore
import LedgerExport
import LedgerGit
import LedgerIndex
import LedgerReport
import SystemPackage
@testable import ReproKit
import Testing

/// One error-category scheme: every error type of the libraries says its category, and
/// `ExitStatus` alone turns it into the exit code of CLI.md.
@Suite struct ErrorCategoryTests {
    /// One sample of every error type the libraries declare, with the exit code `repro` gives it.
    static var samples: [(any Error, Int32)] { [
        (LedgerError.invalidDate("x"), 2),
        (LedgerError.notInitialized(top: "/p"), 3),
        (LedgerError.lfsBlobMismatch(path: "p", expected: "a", actual: "b"), 1),
        (HashingError.notFound(path: "p"), 2),
        (HashingError.specialFile(path: "p", kind: "FIFO"), 2),
        (HashingError.linkOutside(path: "p", target: "../x", reached: "/x"), 2),
        (HashingError.nameNotUTF8(path: #"caf\351"#), 2),
        (FileSystemError.system(operation: "read", path: "p", errno: .ioError), 3),
        (HashingError.changedWhileHashing(path: "p"), 3),
        (TextSinkError.spill(errno: 28), 3),
        (IndexAccessError.readOnly(path: ".repro/index.sqlite"), 3),
        (FileSystemError.invalidName("x"), 3),
        (RecordReadError.defect(.notJSON("x")), 3),
        (RecordDefect.tooLarge(bytes: 1 << 30), 3),
        (JSONParser.Failure(offset: 3, reason: "unexpected end"), 2),
        (CanonicalJSON.Failure.nonFiniteNumber, 2),
        (ModelCard.Failure.unterminated(path: "README.md"), 2),
        (LicenseExpressionError.empty, 2),
        (ManifestParseError(line: 4), 3),
        (GitError.unknownRevision("v9"), 2),
        (GitError.indexLocked(lockFile: ".git/index.lock"), 3),
        (IndexSnapshotError.malformedRow(id: "x", type: "artifact"), 3),
        (LicenseCatalogError.duplicateID("mit"), 3),
        (DisclosureError.unknownSection("tab:x", suggestions: []), 2),
        (ExportError.invalidTimestamp("x"), 2),
        (WorkspaceError.notAGitWorkTree("/p"), 3),
        (CacheFolderError.notAFolder(path: "/p/.repro", kind: .symbolicLink), 3),
        (CommitRefusal(problems: []), 1),
        (SealError.notASeal(tag: "v1"), 2),
        (RunError.commandNotFound("pyhton3"), 2),
        (RunError.traceUnavailable("no strace"), 3),
        (IdentityError.ambiguousDigest("ab", candidates: []), 2),
        (CoverageError.invalidEnvironment("tab{le}"), 2),
        (UpstreamError.offline, 3),
        (LocationError.differentArtifact(name: "n", path: "p", recorded: Self.digest, recordedLayout: .file,
                                         found: Self.digest, foundLayout: .folder), 1),
    ] }

    static var digest: Digest { Digest(parsing: "sha256:" + String(repeating: "a", count: 64))! }

    @Test func everySampleMapsToItsExitCode() {
        for (error, code) in Self.samples {
            #expect(error is any CategorizedError, "\(type(of: error)) has no category")
            #expect(ExitStatus.code(for: error) == code, "\(type(of: error)): \(error)")
        }
    }

    /// `repro run` passes on the failed status of a command whose record was lost; a command
    /// that succeeded then exits 3 so a job script does not take the run as recorded.
    @Test func aRunThatWasNotRecordedExitsWithTheCommandsStatus() {
        #expect(ExitStatus.code(for: RunError.notRecorded(reason: "disk full", json: "{}", exitStatus: 7)) == 7)
        #expect(ExitStatus.code(for: RunError.notRecorded(reason: "disk full", json: "{}", exitStatus: 0)) == 3)
        #expect(ExitStatus.code(for: CocoaError(.fileReadUnknown)) == 3)
    }

    /// Every type in Sources/ that conforms to `Error` is in the table above, so a new error
    /// type cannot fall through to the default without a test saying so.
    @Test func everyErrorTypeOfTheLibrariesIsSampled() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        let declaration = try Regex(#"(?:enum|struct|class) (\w+)\b[^{\n]*:[^{\n]*\bError\b"#)
        var declared: Set<String> = []
        let files = try #require(FileManager.default.enumerator(atPath: sources.path))
        while let file = files.nextObject() as? String {
            guard file.hasSuffix(".swift"), !file.hasPrefix("repro/") else { continue }
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for match in text.matches(of: declaration) {
                if let name = match.output[1].substring { declared.insert(String(name)) }
            }
        }
        let sampled = Set(Self.samples.map { String(describing: type(of: $0.0)) })
        #expect(declared.count > 20)
        #expect(declared.subtracting(sampled).sorted() == [])
    }

    /// LedgerCore names no CLI flags; the command to type next is added at the CLI boundary.
    @Test func theCommandLineAddsHowToCreateAMissingLedger() {
        #expect(CommandLineAdvice.message(for: LedgerError.unknownLedger("paper2", known: []))
            == "no ledger named \"paper2\"; run `repro init --ledger paper2`")
        #expect(CommandLineAdvice.message(for: LedgerError.unknownLedger("paper2", known: ["main"]))
            == "no ledger named \"paper2\"; known ledgers: main")
        #expect("\(LedgerError.unknownLedger("paper2", known: []))" == "no ledger named \"paper2\"")
    }
}
