import Foundation

/// Dates as records store them: UTC, ISO 8601, to the second; plain days as `YYYY-MM-DD`.
public enum Timestamps {
    /// `2026-11-23T18:12:23Z`.
    public static func format(_ date: Date) -> String {
        let parts = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", parts.year!, parts.month!, parts.day!,
                      parts.hour!, parts.minute!, parts.second!)
    }

    /// The current moment, honouring `SOURCE_DATE_EPOCH` so examples and tests can be byte-for-byte reproducible.
    public static func now(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init) {
            return format(Date(timeIntervalSince1970: epoch))
        }
        return format(Date())
    }

    /// Validates a calendar day such as `2024-07-23`; rejects `2024-02-30` and other forms.
    public static func day(_ text: String) throws(LedgerError) -> String {
        let fields = text.split(separator: "-", omittingEmptySubsequences: false)
        guard fields.count == 3, fields[0].count == 4, fields[1].count == 2, fields[2].count == 2,
              fields.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(fields[0]), let month = Int(fields[1]), let day = Int(fields[2]),
              (1...12).contains(month), day >= 1,
              let range = utcCalendar.range(of: .day, in: .month,
                                            for: utcCalendar.date(from: DateComponents(year: year, month: month))!),
              range.contains(day)
        else { throw LedgerError.invalidDate(text) }
        return text
    }

    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
