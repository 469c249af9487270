import Foundation
import Testing
import TestSupport

/// A mistyped command names the word and the commands it probably meant, exit code 2.
@Suite struct UnknownCommandTests {
    @Test func mistypedCommandGetsASuggestion() throws {
        let folder = try TemporaryFolder()
        let result = try ReproBinary.run(["trak", "data.csv"], in: folder.path)
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr == "repro: error: unknown command \"trak\"; did you mean \"track\" or \"tag\"?\n`repro --help` lists the commands\n")
    }

    @Test func unrelatedWordGetsNoSuggestion() throws {
        let folder = try TemporaryFolder()
        let result = try ReproBinary.run(["zzzzqq"], in: folder.path)
        #expect(result.status == 2)
        #expect(result.stderr == "repro: error: unknown command \"zzzzqq\"\n`repro --help` lists the commands\n")
    }

    @Test func helpAndKnownCommandsStillParse() throws {
        let folder = try TemporaryFolder()
        #expect(try ReproBinary.run(["help", "track"], in: folder.path).stdout.hasPrefix("OVERVIEW: Hash a file or folder"))
        #expect(try ReproBinary.run(["--version"], in: folder.path).stdout == "0.1.0\n")
    }
}
