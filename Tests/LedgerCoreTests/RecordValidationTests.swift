import Foundation
import LedgerCore
import Testing

/// Every field of a record read from disk is held to the rules the CLI applies when it
/// writes one; a record that breaks one is a defect naming the field, and the writer
/// refuses the same record.
@Suite struct RecordValidationTests {
    /// 2026-12-02T12:00:00Z: "tomorrow" is 2026-12-03.
    static let clock = Date(timeIntervalSince1970: 1_796_212_800)

    /// The stored bytes of `record` with one piece of text replaced, as a hostile co-author would edit them.
    func tampered(_ record: LedgerRecord, _ old: String, _ new: String) throws -> [UInt8] {
        let text = String(decoding: try RecordCodec.encode(record).fileBytes, as: UTF8.self)
        #expect(text.contains(old), "\(old) is not in the record")
        return Array(text.replacingOccurrences(of: old, with: new).utf8)
    }

    func expectDefect(_ bytes: [UInt8], field: String, reason: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(throws: RecordDefect.invalidField(field: field, reason: reason), sourceLocation: sourceLocation) {
            try RecordCodec.decode(bytes, clock: Self.clock)
        }
    }

    static func event(evidence: String? = "https://huggingface.co/meta-llama", asOf: String = "2026-12-03") -> AvailabilityEvent {
        AvailabilityEvent(digest: Digest.of("m"), status: .withdrawn, asOf: asOf, evidence: evidence, note: nil,
                          recordedAt: "2026-11-23T10:00:00Z", recordedBy: RecordCodecTests.agent)
    }

    @Test func artifactFieldsAreCheckedOnReading() throws {
        let record = LedgerRecord.artifact(RecordCodecTests.sampleArtifact())
        #expect(try RecordCodec.decode(try RecordCodec.encode(record).fileBytes, clock: Self.clock).0 == record)
        expectDefect(try tampered(record, #""llama-3.1-8b""#, #"" llama-3.1-8b""#), field: "name",
                     reason: #"invalid artifact name " llama-3.1-8b": it starts or ends with white space"#)
        expectDefect(try tampered(record, #""llama3.1""#, #""MIT AND""#), field: "license",
                     reason: #"invalid license "MIT AND": "MIT AND": expected a license identifier after AND at column 8"#)
        expectDefect(try tampered(record, #""size" : 42"#, #""size" : -42"#), field: "size", reason: "-42 is negative")
        // Found by FuzzRecord: a count written as a double reads back as an integer no writer could write.
        expectDefect(try tampered(record, #""size" : 42"#, #""size" : 900754007547409911e00"#), field: "size",
                     reason: "900754007547409911 is beyond 2^53 - 1")
        expectDefect(try tampered(record, #""revision" : "0e9e39f""#, #""revision" : "0e9e39f\n""#),
                     field: "sources[0].revision", reason: "expected a commit id or branch name, e.g. 0e9e39f")
        expectDefect(try tampered(record, #""repo" : "meta-llama/Llama-3.1-8B""#, #""repo" : "..\/..\/x""#),
                     field: "sources[0].repo", reason: "expected ORG/NAME, e.g. meta-llama/Llama-3.1-8B")
        expectDefect(try tampered(record, "2026-11-23T10:00:00Z", "2026-11-23 10:00"), field: "recordedAt",
                     reason: #"invalid time "2026-11-23 10:00": expected a UTC time as YYYY-MM-DDTHH:MM:SSZ, e.g. 2024-07-23T18:12:23Z"#)
        expectDefect(try tampered(record, "2026-11-23T10:00:00Z", "2026-12-04T00:00:00Z"), field: "recordedAt",
                     reason: #"invalid date "2026-12-04T00:00:00Z": it is in the future; the latest accepted is 2026-12-03 (tomorrow, UTC)"#)
    }

    @Test func evidenceAndDatesOfEventsAreCheckedOnReading() throws {
        let record = LedgerRecord.availability(Self.event())
        #expect(try RecordCodec.decode(try RecordCodec.encode(record).fileBytes, clock: Self.clock).0 == record)
        let evidenceRule = "expected an http or https URL or a DOI (doi:10.1234/abc or https://doi.org/10.1234/abc)"
        expectDefect(try tampered(record, #""https://huggingface.co/meta-llama""#, #""javascript:alert(1)""#),
                     field: "evidence", reason: evidenceRule)
        expectDefect(try tampered(record, #""2026-12-03""#, #""9999-12-31""#), field: "asOf",
                     reason: #"invalid date "9999-12-31": it is in the future; the latest accepted is 2026-12-03 (tomorrow, UTC)"#)
        expectDefect(try tampered(record, #""2026-12-03""#, #""2026-02-30""#), field: "asOf",
                     reason: #"invalid date "2026-02-30": expected a calendar day as YYYY-MM-DD, e.g. 2024-07-23"#)
    }

    @Test func theWriterRefusesWhatTheReaderWould() {
        #expect(throws: RecordDefect.invalidField(field: "evidence",
                                                  reason: "expected an http or https URL or a DOI (doi:10.1234/abc or https://doi.org/10.1234/abc)")) {
            try RecordCodec.encode(.availability(Self.event(evidence: "javascript:alert(1)")))
        }
        #expect(throws: RecordDefect.self) { try RecordCodec.encode(.availability(Self.event(asOf: "9999-12-31"))) }
    }

    /// A run's compute record is durations, sizes and counts: a negative one would be stated
    /// as fact ("-1.0 h wall time").
    @Test func negativeComputeFiguresAreRefused() throws {
        var record = ExperimentRecord(
            name: "lr-sweep", ledger: "main", section: nil, inputs: [], outputs: [], code: .noRepository, command: nil,
            exitStatus: nil, outcome: .succeeded, startedAt: "2026-11-23T10:00:00Z", endedAt: nil,
            recordedBy: RecordCodecTests.agent, note: nil)
        record.compute = ComputeRecord(wallMilliseconds: 3_600_000, userCPUMilliseconds: 5, systemCPUMilliseconds: 0,
                                       peakRSSBytes: 2048, machine: MachineRecord(
                                           host: "gpu-7", cpuModel: nil, cpuCount: 64, memoryTotalBytes: 1024,
                                           gpus: [GPURecord(name: "A100", memoryMiB: 81_920, driver: "535")]))
        let experiment = LedgerRecord.experiment(record)
        #expect(try RecordCodec.decode(try RecordCodec.encode(experiment).fileBytes, clock: Self.clock).0 == experiment)
        expectDefect(try tampered(experiment, #""wallMilliseconds" : 3600000"#, #""wallMilliseconds" : -3600000"#),
                     field: "compute.wallMilliseconds", reason: "-3600000 is negative")
        expectDefect(try tampered(experiment, #""userCPUMilliseconds" : 5"#, #""userCPUMilliseconds" : -5"#),
                     field: "compute.userCPUMilliseconds", reason: "-5 is negative")
        expectDefect(try tampered(experiment, #""memoryMiB" : 81920"#, #""memoryMiB" : -1"#),
                     field: "compute.machine.gpus[0].memoryMiB", reason: "-1 is negative")
        // Printed by `show` as they are: a co-author's escape sequence or extra line is a defect.
        let line = "it contains a control character or line break"
        expectDefect(try tampered(experiment, #""host" : "gpu-7""#, #""host" : "gpu-7\u001b[2J""#), field: "compute.machine.host", reason: line)
        expectDefect(try tampered(experiment, #""name" : "A100""#, #""name" : "A100\nall inputs verified""#),
                     field: "compute.machine.gpus[0].name", reason: line)
        expectDefect(try tampered(experiment, #""host" : "gpu-7","#, #""host" : "gpu-7", "cpuModel" : "x\u0085y","#),
                     field: "compute.machine.cpuModel", reason: line)
    }

    @Test func experimentManifestLicenseAndSealFieldsAreChecked() throws {
        let use = ArtifactUse(digest: Digest.of("m"), name: "base-model")
        let experiment = LedgerRecord.experiment(ExperimentRecord(
            name: "lr-sweep", ledger: "main", section: nil, inputs: [use], outputs: [], code: .noRepository, command: nil,
            exitStatus: nil, outcome: .recorded, startedAt: "2026-11-23T10:00:00Z", endedAt: nil,
            recordedBy: RecordCodecTests.agent, note: nil))
        expectDefect(try tampered(experiment, #""base-model""#, #""base-model ""#), field: "inputs[0].name",
                     reason: #"invalid artifact name "base-model ": it starts or ends with white space"#)
        expectDefect(try tampered(experiment, #""ledger" : "main""#, #""ledger" : "m a i n""#), field: "ledger",
                     reason: #"invalid ledger name "m a i n": ledger names may hold only letters, digits, ".", "_" and "-""#)

        let manifest = LedgerRecord.manifest(ManifestRecord(FolderManifest(entries: [
            FolderManifest.Entry(path: Array("config.json".utf8), digest: Digest.of("c"), size: 1)])))
        expectDefect(try tampered(manifest, #""config.json""#, #""..\/..\/.ssh\/id_rsa""#), field: "entries[0].path",
                     reason: #"it has a ".", ".." or empty component"#)
        expectDefect(try tampered(manifest, #""config.json""#, #""\/etc\/passwd""#), field: "entries[0].path", reason: "it is absolute")

        let license = LedgerRecord.license(LicenseRecord(id: "acme-1.0", definition: .object(["id": .string("acme-1.0")]),
                                                         recordedAt: "2026-11-23T10:00:00Z", recordedBy: RecordCodecTests.agent))
        expectDefect(try tampered(license, #""id" : "acme-1.0","#, #""id" : "other","#), field: "definition.id",
                     reason: "it is not the record's id")
        expectDefect(try tampered(license, #""id" : "acme-1.0","#, #""id" : "","#), field: "id", reason: "it is empty")
        let seal = LedgerRecord.seal(SealRecord(ledger: "main", root: Digest.of("r"), recordCount: 3, sequence: 2,
                                                sealedAt: "2026-11-23T10:00:00Z", recordedBy: RecordCodecTests.agent))
        expectDefect(try tampered(seal, #""sequence" : 2"#, #""sequence" : 9007199254740991"#), field: "sequence",
                     reason: "9007199254740991 is beyond 1000000")

        let named = LedgerRecord.license(LicenseRecord(
            id: "acme-1.0", definition: .object(["id": .string("acme-1.0"), "name": .string("ACME")]),
            recordedAt: "2026-11-23T10:00:00Z", recordedBy: RecordCodecTests.agent))
        expectDefect(try tampered(named, #""name" : "ACME""#, #""name" : "ACME\u001b]8;;x\u0007""#), field: "definition.name",
                     reason: "it contains a control character or line break")
    }

    @Test func evidenceIsAWebURLOrADOI() {
        for good in ["https://huggingface.co/meta-llama/Llama-3.1-8B/discussions/12", "http://example.org/notice",
                     "doi:10.5281/zenodo.1234567", "DOI:10.1000.10/abc(1)", "https://doi.org/10.1145/3600006.3613165"] {
            #expect(FieldRules.evidenceProblem(good) == nil, "\(good) must be accepted")
        }
        for bad in ["javascript:alert(1)", "file:///etc/passwd", "ftp://example.org/x", "example.org", "https://", "https:///x",
                    "https://example.org/a b", "https://example.org/<script>", "doi:", "doi:10./x", "doi:11.1234/x",
                    "doi:10.1234/", "doi:10.1234/a b", "https://example.org/\u{1b}[31m", ""] {
            #expect(FieldRules.evidenceProblem(bad) != nil, "\(bad.debugDescription) must be refused")
        }
    }

    @Test func sourceDateEpochIsWholeSecondsUpToTomorrow() throws {
        #expect(try Timestamps.sourceDateEpoch([:], clock: Self.clock) == nil)
        #expect(try Timestamps.sourceDateEpoch(["SOURCE_DATE_EPOCH": "1767225600"], clock: Self.clock)
            == Date(timeIntervalSince1970: 1_767_225_600))
        #expect(try Timestamps.sourceDateEpoch(["SOURCE_DATE_EPOCH": "0"], clock: Self.clock) == Date(timeIntervalSince1970: 0))
        // 2026-12-03T23:59:59Z is the last second accepted.
        #expect(try Timestamps.sourceDateEpoch(["SOURCE_DATE_EPOCH": "1796342399"], clock: Self.clock) != nil)
        for bad in ["abc", "-1", "1.5", "", " 1", "1796342400", "99999999999999999999999"] {
            #expect(throws: LedgerError.invalidInput("invalid SOURCE_DATE_EPOCH \(bad.debugDescription): expected whole seconds "
                + "since 1970-01-01T00:00:00Z from 0 to 1796342399 (the end of tomorrow, UTC)")) {
                try Timestamps.sourceDateEpoch(["SOURCE_DATE_EPOCH": bad], clock: Self.clock)
            }
        }
    }

    @Test func pastDaysStopAtTomorrow() throws {
        #expect(try Timestamps.pastDay("2026-12-03", clock: Self.clock) == "2026-12-03")
        #expect(throws: LedgerError.futureDate("2026-12-04", latest: "2026-12-03")) {
            try Timestamps.pastDay("2026-12-04", clock: Self.clock)
        }
        #expect(throws: LedgerError.invalidDate("2026-13-01")) { try Timestamps.pastDay("2026-13-01", clock: Self.clock) }
    }
}
