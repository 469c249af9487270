import Foundation

/// A record in its stored form, with its id.
public struct EncodedRecord: Sendable {
    /// SHA-256 of the RFC 8785 canonical JSON.
    public var id: Digest
    /// Pretty-printed with sorted keys and a final newline, for readable diffs.
    public var fileBytes: [UInt8]
}

/// Why a stored record cannot be trusted (named so as not to clash with GRDB.RecordError).
public enum RecordDefect: Error, Equatable, Sendable, CustomStringConvertible {
    case notJSON(String)
    /// Larger than `RecordLimits.maximumSize`; refused before parsing.
    case tooLarge(bytes: Int)
    case unknownSchema(String?)
    case wrongFolder(schema: String, folder: String)
    case schemaViolation(String)
    case hashMismatch(name: String, actual: Digest)
    /// A field breaks the rule the CLI applies when writing it (`LedgerRecord.validate`).
    case invalidField(field: String, reason: String)

    public var description: String {
        switch self {
        case .notJSON(let reason): return "not valid JSON (\(reason)); the file is truncated or was edited"
        case .tooLarge(let bytes):
            return "\(bytes) bytes, larger than the \(RecordLimits.maximumSize)-byte limit for a record; not read"
        case .invalidField(let field, let reason): return "invalid field \(field): \(reason)"
        case .unknownSchema(let schema):
            return "unknown schema \(schema.map { "\"\($0)\"" } ?? "(none)"); written by a newer repro?"
        case .wrongFolder(let schema, let folder): return "a \(schema) record does not belong in \(folder)/"
        case .schemaViolation(let reason): return "does not match its schema: \(reason)"
        case .hashMismatch(let name, let actual):
            return "content hashes to \(actual.hex), not to its name \(name); the record was edited or corrupted"
        }
    }
}

/// Turns records into stored bytes and back, checking every byte on the way in.
public enum RecordCodec {
    /// Refuses a record that breaks a field rule or the size cap, so nothing is written that
    /// a reader would refuse.
    public static func encode(_ record: LedgerRecord) throws -> EncodedRecord {
        try record.validate()
        let data = try prettyBytes(record)
        guard data.count < RecordLimits.maximumSize else { throw RecordDefect.tooLarge(bytes: data.count + 1) }
        let value = try JSONParser.parse([UInt8](data))
        return EncodedRecord(id: Digest.of(try CanonicalJSON.bytes(value)), fileBytes: [UInt8](data) + [0x0a])
    }

    /// The id `record` has, without the field rules or the size cap: for snapshots held in
    /// memory (the exporters' tests feed them names the CLI would refuse, to test escaping).
    public static func id(of record: LedgerRecord) throws -> Digest {
        Digest.of(try CanonicalJSON.bytes(try JSONParser.parse([UInt8](try prettyBytes(record)))))
    }

    private static func prettyBytes(_ record: LedgerRecord) throws -> Data {
        switch record {
        case .artifact(let value): return try prettyEncoder.encode(value)
        case .availability(let value): return try prettyEncoder.encode(value)
        case .experiment(let value): return try prettyEncoder.encode(value)
        case .manifest(let value): return try prettyEncoder.encode(value)
        case .license(let value): return try prettyEncoder.encode(value)
        case .seal(let value): return try prettyEncoder.encode(value)
        }
    }

    /// Decodes stored bytes, re-canonicalizing to check the id when `expectedID` is given.
    /// Bytes over `RecordLimits.maximumSize` are refused unparsed; the parser bounds the depth;
    /// every field is then checked by `LedgerRecord.validate`.
    public static func decode(_ bytes: [UInt8], expectedID: String? = nil, folder: String? = nil,
                              clock: Date = Date()) throws(RecordDefect) -> (LedgerRecord, Digest) {
        guard bytes.count <= RecordLimits.maximumSize else { throw .tooLarge(bytes: bytes.count) }
        let value: JSONValue
        do { value = try JSONParser.parse(bytes) } catch {
            throw .notJSON(error.description)
        }
        let id: Digest
        do { id = Digest.of(try CanonicalJSON.bytes(value)) } catch { throw .notJSON("\(error)") }
        if let expectedID, id.hex != expectedID { throw .hashMismatch(name: expectedID, actual: id) }
        guard case .object = value, let schema = value["schema"]?.stringValue,
              let type = LedgerRecord.RecordType.allCases.first(where: { $0.schema == schema })
        else { throw .unknownSchema(value["schema"]?.stringValue) }
        if let folder, folder != type.folder { throw .wrongFolder(schema: schema, folder: folder) }
        let record: LedgerRecord
        if let parsed = decodeParsed(value, as: type) { record = parsed } else { record = try decodeWithFoundation(bytes, as: type) }
        try record.validate(clock: clock)
        return (record, id)
    }

    /// The record from its parsed form, for the types a ledger holds by the thousand; nil sends
    /// it through `JSONDecoder`, which also words the reason when a record does not decode.
    private static func decodeParsed(_ value: JSONValue, as type: LedgerRecord.RecordType) -> LedgerRecord? {
        switch type {
        case .experiment: (try? JSONValueDecoder.decode(ExperimentRecord.self, from: value, codingPath: [])).map { .experiment($0) }
        case .artifact: (try? JSONValueDecoder.decode(ArtifactRecord.self, from: value, codingPath: [])).map { .artifact($0) }
        case .availability: (try? JSONValueDecoder.decode(AvailabilityEvent.self, from: value, codingPath: [])).map { .availability($0) }
        case .manifest, .license, .seal: nil
        }
    }

    private static func decodeWithFoundation(_ bytes: [UInt8], as type: LedgerRecord.RecordType) throws(RecordDefect) -> LedgerRecord {
        let data = Data(bytes)
        do {
            let decoder = JSONDecoder()
            switch type {
            case .artifact: return .artifact(try decoder.decode(ArtifactRecord.self, from: data))
            case .availability: return .availability(try decoder.decode(AvailabilityEvent.self, from: data))
            case .experiment: return .experiment(try decoder.decode(ExperimentRecord.self, from: data))
            case .manifest: return .manifest(try decoder.decode(ManifestRecord.self, from: data))
            case .license: return .license(try decoder.decode(LicenseRecord.self, from: data))
            case .seal: return .seal(try decoder.decode(SealRecord.self, from: data))
            }
        } catch {
            throw .schemaViolation(Self.reason(error))
        }
    }

    private static let prettyEncoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    /// A one-line reason from a Foundation decoding error, naming the field.
    static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing field \(path(context.codingPath + [key]))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "field \(path(context.codingPath)): \(context.debugDescription)"
        case DecodingError.dataCorrupted(let context):
            return context.codingPath.isEmpty ? context.debugDescription
                : "field \(path(context.codingPath)): \(context.debugDescription)"
        default:
            return "\(error)"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }
}
