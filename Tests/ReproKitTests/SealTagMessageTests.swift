import LedgerCore
import Testing
@testable import ReproKit

/// The message of a seal tag, which people read in `git show` and `verify --seal` parses.
@Suite struct SealTagMessageTests {
    @Test func sealTagMessageRoundTripsAndRejectsOtherMessages() throws {
        let message = SealTagMessage(ledger: "main", sequence: 3, root: Digest.of("root"), records: 42, sealRecord: Digest.of("seal").hex)

        #expect(message.tagName == "repro/main/3")
        #expect(SealTagMessage(parsing: message.text) == message)
        #expect(message.text.hasPrefix("repro seal main #3\n\nroot: sha256:"))
        // Extra lines, CRLF-free whitespace and unknown keys are tolerated; later versions may add facts.
        let extended = message.text.replacingOccurrences(of: "records: 42", with: "records:   42\nsigned-by: someone")
        #expect(SealTagMessage(parsing: extended) == message)

        for broken in [
            "Camera-ready\n",
            message.text.replacingOccurrences(of: "#3", with: "3"),
            message.text.replacingOccurrences(of: "repro seal main", with: "repro seal ../x"),
            message.text.replacingOccurrences(of: "root: sha256:", with: "root: "),
            message.text.replacingOccurrences(of: "records: 42", with: "records: many"),
            message.text.replacingOccurrences(of: "seal-record: ", with: "seal: "),
        ] {
            #expect(SealTagMessage(parsing: broken) == nil, "\(broken)")
        }
    }
}
