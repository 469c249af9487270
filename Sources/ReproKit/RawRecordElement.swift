import LedgerIndex

/// One element of `list experiments --json`: `{"id","ledger","path","record"}`, the record
/// as stored. Written byte by byte: Foundation's `trimmingCharacters` and a `JSONEncoder`
/// per element took 19 s of a 100,000-run listing.
public enum RawRecordElement {
    /// The element's bytes, exactly as `JSONOutput.compact` of the three names followed by
    /// `"record":` and the stored JSON without its surrounding white space would spell it.
    public static func bytes(_ raw: RawRecord) throws -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(raw.json.count + raw.path.utf8.count + 128)
        if let id = plain(raw.id), let ledger = plain(raw.ledger), let path = plain(raw.path) {
            out += Array("{\"id\":\"".utf8) + id + Array("\",\"ledger\":\"".utf8) + ledger
                + Array("\",\"path\":\"".utf8) + path + Array("\"".utf8)
        } else {
            // A name needing escapes: the encoder spells it.
            out += Array(try JSONOutput.compact(["id": raw.id, "ledger": raw.ledger, "path": raw.path]).utf8.dropLast())
        }
        out += Array(",\"record\":".utf8)
        // A stored record passed the parser, which allows only JSON white space around the value.
        var start = raw.json.startIndex, end = raw.json.endIndex
        while start < end, isJSONSpace(raw.json[start]) { start += 1 }
        while end > start, isJSONSpace(raw.json[end - 1]) { end -= 1 }
        out += Array(String(decoding: raw.json[start..<end], as: UTF8.self).utf8)
        out.append(UInt8(ascii: "}"))
        return out
    }

    /// The UTF-8 of `text` when it is printable ASCII without a quote or backslash, which JSON
    /// spells as it is.
    private static func plain(_ text: String) -> [UInt8]? {
        let bytes = Array(text.utf8)
        return bytes.allSatisfy { (0x20..<0x7f).contains($0) && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") } ? bytes : nil
    }

    private static func isJSONSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0a || byte == 0x0d || byte == 0x09
    }
}
