import LedgerCore

/// A UUID derived from content, so re-exporting an unchanged ledger keeps its serial number
/// and any change to the records gives a new one.
enum ContentUUID {
    /// RFC 9562 version 8 (custom) UUID from the first 128 bits of SHA-256 over `lines`,
    /// one per line; version 8 says the bits are application-defined, which is the truth.
    static func make(from lines: [String]) -> String {
        uuid(Digest.of(lines.map { $0 + "\n" }.joined()))
    }

    /// `make(from: lines(ids:…))` with the ids handed over one at a time by `forEachID`
    /// (sorted, distinct) and hashed in 64 KiB pieces, never held together.
    static func make(ids forEachID: ((Digest) throws -> Void) throws -> Void, ledgers: [String],
                     options: ExportOptions, purpose: String) throws -> String {
        var builder = DigestBuilder()
        var chunk: [UInt8] = []
        for line in lines(ids: [], ledgers: ledgers, options: options, purpose: purpose) {
            chunk.append(contentsOf: line.utf8)
            chunk.append(0x0A)
        }
        try forEachID { id in
            chunk.append(contentsOf: Digest.prefix.utf8)
            chunk.append(contentsOf: id.hex.utf8)
            chunk.append(0x0A)
            if chunk.count >= 1 << 16 {
                builder.update(chunk)
                chunk.removeAll(keepingCapacity: true)
            }
        }
        builder.update(chunk)
        return uuid(builder.finalize())
    }

    private static func uuid(_ digest: Digest) -> String {
        var bytes = digest.bytes.prefix(16).map { $0 }
        bytes[6] = (bytes[6] & 0x0f) | 0x80
        bytes[8] = (bytes[8] & 0x3f) | 0x80
        let hex = bytes.map { byte in
            let digits = Array("0123456789abcdef")
            return String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0f)])
        }.joined()
        let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(hex.dropFirst(range.lowerBound).prefix(range.count))
        }
        return parts.joined(separator: "-")
    }

    /// Every record id of the export (sorted, distinct), under the ledger names and the options.
    static func lines(ids: [Digest], ledgers: [String], options: ExportOptions, purpose: String) -> [String] {
        [purpose, "ledgers " + ledgers.sorted().joined(separator: " "),
         "as-of " + (options.asOf?.text ?? "-"), "timestamp " + (options.timestamp ?? "-")]
            + ids.map(\.description)
    }
}
