import Foundation
import Testing
import TestSupport

/// `repro license add FILE` with a file that is not a license definition: the message
/// names the file (and the line and column of a JSON error), and nothing is recorded.
@Suite struct LicenseAddCLITests {
    let repo: PaperRepository

    init() throws {
        repo = try PaperRepository()
        try #require(try repo.repro("init").status == 0)
    }

    func refused(_ file: String, status: Int32 = 2) throws -> String {
        let before = try repo.ledgerSnapshot()
        let result = try repo.repro("license", "add", file)
        #expect(result.status == status)
        #expect(result.stdout == "")
        #expect(try repo.ledgerSnapshot() == before)
        return result.stderr
    }

    @Test func malformedJSONIsNamedByLineAndColumn() throws {
        try repo.folder.write("dua.json", "{\n  \"id\": \"acme-dua\",\n  \"name\": \"ACME\" \"x\"\n}\n")
        #expect(try refused("dua.json") == "repro: error: \(repo.folder.child("dua.json")):3:18: not valid JSON: expected ',' or '}'\n")
    }

    @Test func aDeviceOrAMissingFileIsBadInput() throws {
        #expect(try refused("/dev/null")
            == "repro: error: /dev/null is not a regular file; give the path of a JSON license definition\n")
        #expect(try refused("absent.json") == "repro: error: \(repo.folder.child("absent.json")): no such file\n")
    }

    @Test func aDefinitionWithoutAnIDIsRefused() throws {
        try repo.folder.write("dua.json", #"{"name": "ACME"}"#)
        #expect(try refused("dua.json")
            == "repro: error: \(repo.folder.child("dua.json")): a license needs a string \"id\", e.g. \"acme-data-use-1.0\"\n")
    }

    /// A license the ledger defines is known to `track`: no "not in the catalog" warning for it.
    @Test func aLicenseTheLedgerDefinesIsNotWarnedAbout() throws {
        try repo.folder.write("dua.json", #"{"id": "acme-dua", "name": "ACME Data Use Agreement"}"#)
        try #require(try repo.repro("license", "add", "dua.json").status == 0)
        try repo.folder.write("d.csv", "x\n")
        let tracked = try repo.repro("track", "d.csv", "--name", "d", "--kind", "dataset", "--license", "acme-dua")
        #expect(tracked.status == 0)
        #expect(tracked.stderr == "")
        let typo = try repo.repro("track", "d.csv", "--name", "e", "--kind", "dataset", "--license", "acme-duaa")
        #expect(typo.stderr.contains("license \"acme-duaa\" is not in the catalog; did you mean \"acme-dua\"?"), "\(typo.stderr)")
    }
}
