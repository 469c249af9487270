import Foundation
import LedgerCore

/// The message of a seal tag `repro/<ledger>/<n>`: a subject naming the seal, then one
/// `key: value` line per fact, so people read it in `git show` and tools parse it:
///
///     repro seal main #1
///
///     root: sha256:<64 hex>
///     records: 42
///     seal-record: <64 hex>
///
///     Check it with `repro verify --seal repro/main/1`.
///
/// `root` is the Merkle root over the ids of every record of the ledger but seals at the
/// tagged commit, `records` their number, `seal-record` the id of the seal record that
/// commit holds. Parsing ignores lines it does not know, so later versions can add facts.
public struct SealTagMessage: Codable, Sendable, Equatable {
    public var ledger: String
    public var sequence: Int
    public var root: Digest
    public var records: Int
    public var sealRecord: String

    public init(ledger: String, sequence: Int, root: Digest, records: Int, sealRecord: String) {
        self.ledger = ledger
        self.sequence = sequence
        self.root = root
        self.records = records
        self.sealRecord = sealRecord
    }

    /// `repro/<ledger>/<n>`.
    public static func tagName(ledger: String, sequence: Int) -> String { tagPrefix(ledger: ledger) + "\(sequence)" }

    /// `repro/<ledger>/`, what every seal tag of the ledger starts with.
    public static func tagPrefix(ledger: String) -> String { "repro/\(ledger)/" }

    public var tagName: String { Self.tagName(ledger: ledger, sequence: sequence) }

    public var text: String {
        """
        repro seal \(ledger) #\(sequence)

        root: \(root)
        records: \(records)
        seal-record: \(sealRecord)

        Check it with `repro verify --seal \(tagName)`.

        """
    }

    /// Nil when the message is not a seal's (another tool's tag, or a hand-edited one missing a fact).
    public init?(parsing message: String) {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let subject = lines.first?.split(separator: " ").map(String.init) ?? []
        guard subject.count == 4, subject[0] == "repro", subject[1] == "seal", (try? Names.validate(subject[2], as: .ledger)) != nil,
              subject[3].hasPrefix("#"),
              let sequence = Int(subject[3].dropFirst()), sequence > 0 else { return nil }
        var fields: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = String(line[..<colon])
            if fields[key] == nil { fields[key] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces) }
        }
        guard let root = fields["root"].flatMap(Digest.init(parsing:)), fields["root"]?.hasPrefix(Digest.prefix) == true,
              let records = fields["records"].flatMap({ Int($0) }), records >= 0,
              let sealRecord = fields["seal-record"], Digest(parsing: sealRecord)?.hex == sealRecord else { return nil }
        self.init(ledger: subject[2], sequence: sequence, root: root, records: records, sealRecord: sealRecord)
    }
}
