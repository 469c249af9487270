/// Reads an experiment record's stored JSON straight into an `ExperimentRecord`, for the
/// index's whole-ledger reads (100,000 runs): `JSONDecoder` spent half of an export's time on
/// them. Bounded by its input (one pass, no recursion beyond the record's fixed shape) and
/// fuzzed against `JSONDecoder` (`fuzz/Sources/FuzzExperimentReader`).
///
/// It takes only what it knows to give exactly what `JSONDecoder` gives: the record's own
/// keys, each once, with the types the record declares. Anything else (an unknown key, a
/// number with a fraction or exponent, an unknown verification, text that is not valid UTF-8,
/// a lone surrogate) makes it give up (nil), and the caller decodes the record with
/// `JSONDecoder`, which reads it or says why not.
public enum ExperimentJSONReader {
    /// The record `bytes` hold, or nil where the reader leaves them to `JSONDecoder`.
    public static func record(_ bytes: UnsafeRawBufferPointer) -> ExperimentRecord? {
        var reader = Reader(bytes: bytes.bindMemory(to: UInt8.self))
        guard let record = try? reader.experiment(), reader.atEnd() else { return nil }
        return record
    }

    /// Thrown inside the reader only, and turned into nil: the record is JSONDecoder's to read.
    typealias GiveUp = JSONParser.Failure

    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        mutating func atEnd() -> Bool {
            skipSpace()
            return index == bytes.count
        }

        mutating func experiment() throws(GiveUp) -> ExperimentRecord {
            var schema: String?, name: String?, ledger: String?, section: String?, note: String?
            var inputs: [ArtifactUse]?, outputs: [ArtifactUse]?, observed: [ArtifactUse]?, unopened: [ArtifactUse]?
            var code: CodeState?, command: [String]?, exitStatus: Int32?, outcome: ExperimentOutcome?
            var startedAt: String?, endedAt: String?, recordedBy: Agent?, interruptedBy: String?, compute: ComputeRecord?
            var seen = Seen()
            try members { (reader: inout Reader, key: String) throws(GiveUp) in
                switch key {
                case "schema": try seen.once(0); schema = try reader.string()
                case "name": try seen.once(1); name = try reader.string()
                case "ledger": try seen.once(2); ledger = try reader.string()
                case "section": try seen.once(3); section = try reader.optional { (r: inout Reader) throws(GiveUp) in try r.string() }
                case "inputs": try seen.once(4); inputs = try reader.uses()
                case "outputs": try seen.once(5); outputs = try reader.uses()
                case "code": try seen.once(6); code = try reader.codeState()
                case "command": try seen.once(7); command = try reader.optional { (r: inout Reader) throws(GiveUp) in try r.strings() }
                case "exitStatus": try seen.once(8); exitStatus = try reader.optional { (r: inout Reader) throws(GiveUp) in try r.integer(Int32.self) }
                case "outcome": try seen.once(9); outcome = try reader.enumeration(ExperimentOutcome.self)
                case "startedAt": try seen.once(10); startedAt = try reader.string()
                case "endedAt": try seen.once(11); endedAt = try reader.optional { (r: inout Reader) throws(GiveUp) in try r.string() }
                case "recordedBy": try seen.once(12); recordedBy = try reader.agent()
                case "note": try seen.once(13); note = try reader.optional { (r: inout Reader) throws(GiveUp) in try r.string() }
                case "interruptedBy": try seen.once(14); interruptedBy = try reader.optional { (r: inout Reader) throws(GiveUp) in try r.string() }
                case "observedInputs": try seen.once(15); observed = try reader.optional { (r: inout Reader) throws(GiveUp) in try r.uses() }
                case "unopenedInputs": try seen.once(16); unopened = try reader.optional { (r: inout Reader) throws(GiveUp) in try r.uses() }
                case "compute": try seen.once(17); compute = try reader.optional { (r: inout Reader) throws(GiveUp) in try r.compute() }
                default: throw GiveUp()
                }
            }
            guard let schema, let name, let ledger, let inputs, let outputs, let code, let outcome, let startedAt,
                  let recordedBy else { throw GiveUp() }
            var record = ExperimentRecord(name: name, ledger: ledger, section: section, inputs: inputs, outputs: outputs,
                                          code: code, command: command, exitStatus: exitStatus, outcome: outcome,
                                          startedAt: startedAt, endedAt: endedAt, recordedBy: recordedBy, note: note)
            record.schema = schema
            record.interruptedBy = interruptedBy
            record.observedInputs = observed
            record.unopenedInputs = unopened
            record.compute = compute
            return record
        }

        mutating func uses() throws(GiveUp) -> [ArtifactUse] {
            var uses: [ArtifactUse] = []
            try elements { (reader: inout Reader) throws(GiveUp) in uses.append(try reader.use()) }
            return uses
        }

        mutating func use() throws(GiveUp) -> ArtifactUse {
            var digest: Digest?, name: String?, role: String?, layout: ArtifactLayout?, after: Digest?
            var verification: InputVerification?
            var seen = Seen()
            try members { (reader: inout Reader, key: String) throws(GiveUp) in
                switch key {
                case "digest": try seen.once(0); digest = try reader.digest()
                case "name": try seen.once(1); name = try reader.string()
                case "role": try seen.once(2); role = try reader.optional { (r: inout Reader) throws(GiveUp) in try r.string() }
                case "layout": try seen.once(3); layout = try reader.optional { (r: inout Reader) throws(GiveUp) in try r.enumeration(ArtifactLayout.self) }
                case "digestAfterRun": try seen.once(4); after = try reader.optional { (r: inout Reader) throws(GiveUp) in try r.digest() }
                case "verification":
                    // What `tag` and `run` write for every input: read here, or every run of a
                    // real ledger would take the JSONDecoder path.
                    try seen.once(5)
                    verification = try reader.optional { (r: inout Reader) throws(GiveUp) in try r.enumeration(InputVerification.self) }
                default: throw GiveUp()
                }
            }
            guard let digest, let name else { throw GiveUp() }
            return ArtifactUse(digest: digest, name: name, role: role, layout: layout, verification: verification,
                               digestAfterRun: after)
        }

        mutating func codeState() throws(GiveUp) -> CodeState {
            var repository: Bool?, commit: String?, branch: String?, detached: Bool?, dirty: Bool?, diff: Digest?
            var seen = Seen()
            try members { (reader: inout Reader, key: String) throws(GiveUp) in
                switch key {
                case "repository": try seen.once(0); repository = try reader.bool()
                case "commit": try seen.once(1); commit = try reader.optional { (r: inout Reader) throws(GiveUp) in try r.string() }
                case "branch": try seen.once(2); branch = try reader.optional { (r: inout Reader) throws(GiveUp) in try r.string() }
                case "detached": try seen.once(3); detached = try reader.bool()
                case "dirty": try seen.once(4); dirty = try reader.bool()
                case "diffDigest": try seen.once(5); diff = try reader.optional { (r: inout Reader) throws(GiveUp) in try r.digest() }
                default: throw GiveUp()
                }
            }
            guard let repository, let detached, let dirty else { throw GiveUp() }
            return CodeState(repository: repository, commit: commit, branch: branch, detached: detached, dirty: dirty, diffDigest: diff)
        }

        mutating func agent() throws(GiveUp) -> Agent {
            var user: String?, host: String?
            var seen = Seen()
            try members { (reader: inout Reader, key: String) throws(GiveUp) in
                switch key {
                case "user": try seen.once(0); user = try reader.string()
                case "host": try seen.once(1); host = try reader.string()
                default: throw GiveUp()
                }
            }
            guard let user, let host else { throw GiveUp() }
            return Agent(user: user, host: host)
        }

        mutating func compute() throws(GiveUp) -> ComputeRecord {
            var wall: Int64?, user: Int64?, system: Int64?, peak: Int64?, machine: MachineRecord?
            var seen = Seen()
            try members { (reader: inout Reader, key: String) throws(GiveUp) in
                switch key {
                case "wallMilliseconds": try seen.once(0); wall = try reader.integer(Int64.self)
                case "userCPUMilliseconds": try seen.once(1); user = try reader.integer(Int64.self)
                case "systemCPUMilliseconds": try seen.once(2); system = try reader.integer(Int64.self)
                case "peakRSSBytes": try seen.once(3); peak = try reader.optional { (r: inout Reader) throws(GiveUp) in try r.integer(Int64.self) }
                case "machine": try seen.once(4); machine = try reader.machine()
                default: throw GiveUp()
                }
            }
            guard let wall, let user, let system, let machine else { throw GiveUp() }
            return ComputeRecord(wallMilliseconds: wall, userCPUMilliseconds: user, systemCPUMilliseconds: system,
                                 peakRSSBytes: peak, machine: machine)
        }

        mutating func machine() throws(GiveUp) -> MachineRecord {
            var host: String?, model: String?, count: Int?, memory: Int64?, gpus: [GPURecord]?
            var seen = Seen()
            try members { (reader: inout Reader, key: String) throws(GiveUp) in
                switch key {
                case "host": try seen.once(0); host = try reader.string()
                case "cpuModel": try seen.once(1); model = try reader.optional { (r: inout Reader) throws(GiveUp) in try r.string() }
                case "cpuCount": try seen.once(2); count = try reader.integer(Int.self)
                case "memoryTotalBytes": try seen.once(3); memory = try reader.optional { (r: inout Reader) throws(GiveUp) in try r.integer(Int64.self) }
                case "gpus":
                    try seen.once(4)
                    var items: [GPURecord] = []
                    try reader.elements { (r: inout Reader) throws(GiveUp) in items.append(try r.gpu()) }
                    gpus = items
                default: throw GiveUp()
                }
            }
            guard let host, let count, let gpus else { throw GiveUp() }
            return MachineRecord(host: host, cpuModel: model, cpuCount: count, memoryTotalBytes: memory, gpus: gpus)
        }

        mutating func gpu() throws(GiveUp) -> GPURecord {
            var name: String?, memory: Int64?, driver: String?
            var seen = Seen()
            try members { (reader: inout Reader, key: String) throws(GiveUp) in
                switch key {
                case "name": try seen.once(0); name = try reader.string()
                case "memoryMiB": try seen.once(1); memory = try reader.optional { (r: inout Reader) throws(GiveUp) in try r.integer(Int64.self) }
                case "driver": try seen.once(2); driver = try reader.string()
                default: throw GiveUp()
                }
            }
            guard let name, let driver else { throw GiveUp() }
            return GPURecord(name: name, memoryMiB: memory, driver: driver)
        }

        mutating func strings() throws(GiveUp) -> [String] {
            var items: [String] = []
            try elements { (reader: inout Reader) throws(GiveUp) in items.append(try reader.string()) }
            return items
        }

        // MARK: JSON values

        /// Keys seen so far in one object: a repeated key is left to JSONDecoder.
        struct Seen {
            var bits: UInt32 = 0
            mutating func once(_ bit: Int) throws(GiveUp) {
                guard bits & (1 << bit) == 0 else { throw GiveUp() }
                bits |= 1 << bit
            }
        }

        /// nil for `null` (what `decodeIfPresent` gives), else the value `read` reads.
        mutating func optional<T>(_ read: (inout Reader) throws(GiveUp) -> T) throws(GiveUp) -> T? {
            if null() { return nil }
            return try read(&self)
        }

        /// Consumes `null` if it comes next.
        mutating func null() -> Bool { literal("null") }

        mutating func bool() throws(GiveUp) -> Bool {
            if literal("true") { return true }
            if literal("false") { return false }
            throw GiveUp()
        }

        mutating func enumeration<T: RawRepresentable>(_: T.Type) throws(GiveUp) -> T where T.RawValue == String {
            guard let value = T(rawValue: try string()) else { throw GiveUp() }
            return value
        }

        mutating func digest() throws(GiveUp) -> Digest {
            // Straight from the bytes when the string has no escape (always, as repro writes
            // it): every use of every run has one, and a String of each was a heap object.
            skipSpace()
            let length = Digest.prefix.utf8.count + 64
            if index + length + 1 < bytes.count, bytes[index] == UInt8(ascii: "\""),
               bytes[index + length + 1] == UInt8(ascii: "\""),
               let digest = Digest(parsingUTF8: UnsafeBufferPointer(rebasing: bytes[(index + 1)...(index + length)])) {
                index += length + 2
                return digest
            }
            let text = try string()
            guard text.hasPrefix(Digest.prefix), let digest = Digest(parsing: text) else { throw GiveUp() }
            return digest
        }

        /// A whole number without fraction or exponent, within `T`.
        mutating func integer<T: FixedWidthInteger & SignedInteger>(_: T.Type) throws(GiveUp) -> T {
            skipSpace()
            var negative = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") { negative = true; index += 1 }
            let start = index
            // Accumulated negative, so T.min reads without overflow.
            var value: T = 0
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                let (tens, over) = value.multipliedReportingOverflow(by: 10)
                let (next, under) = tens.subtractingReportingOverflow(T(bytes[index] - 0x30))
                guard !over, !under else { throw GiveUp() }
                value = next
                index += 1
            }
            guard index > start, !(bytes[start] == 0x30 && index - start > 1) else { throw GiveUp() }
            if index < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[index]) {
                throw GiveUp()
            }
            if negative { return value }
            guard value != T.min else { throw GiveUp() }
            return -value
        }

        /// A string, read and unescaped by the record parser's own cursor.
        mutating func string() throws(GiveUp) -> String {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw GiveUp() }
            var cursor = JSONParser.Cursor(bytes: bytes, position: index)
            let text = try cursor.string()
            index = cursor.position
            return text
        }

        /// `{ "key": value, … }`, calling `body` with each key and the reader at its value.
        mutating func members(_ body: (inout Reader, String) throws(GiveUp) -> Void) throws(GiveUp) {
            try expect(UInt8(ascii: "{"))
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return }
            while true {
                let key = try string()
                try expect(UInt8(ascii: ":"))
                try body(&self, key)
                skipSpace()
                guard index < bytes.count else { throw GiveUp() }
                let next = bytes[index]
                index += 1
                if next == UInt8(ascii: "}") { return }
                guard next == UInt8(ascii: ",") else { throw GiveUp() }
            }
        }

        /// `[ value, … ]`, calling `body` with the reader at each element.
        mutating func elements(_ body: (inout Reader) throws(GiveUp) -> Void) throws(GiveUp) {
            try expect(UInt8(ascii: "["))
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return }
            while true {
                try body(&self)
                skipSpace()
                guard index < bytes.count else { throw GiveUp() }
                let next = bytes[index]
                index += 1
                if next == UInt8(ascii: "]") { return }
                guard next == UInt8(ascii: ",") else { throw GiveUp() }
            }
        }

        private mutating func expect(_ byte: UInt8) throws(GiveUp) {
            skipSpace()
            guard index < bytes.count, bytes[index] == byte else { throw GiveUp() }
            index += 1
        }

        /// Consumes `word` if it comes next, after white space.
        private mutating func literal(_ word: StaticString) -> Bool {
            skipSpace()
            let count = word.utf8CodeUnitCount
            guard index + count <= bytes.count else { return false }
            for offset in 0..<count where bytes[index + offset] != word.utf8Start[offset] { return false }
            index += count
            return true
        }

        private mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x0A, 0x0D, 0x09: index += 1
                default: return
                }
            }
        }
    }
}

extension JSONParser.Failure {
    /// What `ExperimentJSONReader` gives up with; never seen outside it.
    init() { self.init(offset: 0, reason: "left to JSONDecoder") }
}
