import LedgerCore

/// What, besides the ledger, decides an export's bytes. Nothing defaults to today, so the
/// same snapshot and options always give the same file.
public struct ExportOptions: Hashable, Sendable {
    /// `YYYY-MM-DD`: availability is folded over the events on or before this day; nil
    /// means every recorded event. Records made later are still exported.
    public var asOf: CalendarDay?
    /// `YYYY-MM-DDTHH:MM:SSZ` for the document's creation time where a format requires one;
    /// nil means the latest time recorded in the snapshot (or the Unix epoch when it has none).
    public var timestamp: String?

    public init(asOf: CalendarDay? = nil, timestamp: String? = nil) {
        self.asOf = asOf
        self.timestamp = timestamp
    }

    /// Checks the timestamp, so a malformed one fails loudly rather than sorting wrongly.
    public func validate() throws(ExportError) {
        if let timestamp, !Self.isUTCTimestamp(timestamp) { throw .invalidTimestamp(timestamp) }
    }

    /// The form records use: `2026-01-01T00:00:00Z`, a real calendar day and time.
    static func isUTCTimestamp(_ text: String) -> Bool {
        let characters = Array(text)
        guard characters.count == 20, characters[10] == "T", characters[13] == ":", characters[16] == ":",
              characters[19] == "Z", (try? Timestamps.day(String(characters[0..<10]))) != nil,
              let hour = Int(String(characters[11..<13])), let minute = Int(String(characters[14..<16])),
              let second = Int(String(characters[17..<19])),
              characters[11..<19].allSatisfy({ $0 == ":" || $0.isASCII && $0.isNumber })
        else { return false }
        return hour < 24 && minute < 60 && second < 60
    }
}
