import Foundation

/// Dates as records store them: UTC, ISO 8601, to the second; plain days as `YYYY-MM-DD`.
public enum Timestamps {
    /// `2026-11-23T18:12:23Z`. Plain arithmetic rather than `Calendar`: a UTC calendar loads
    /// ICU's time-zone tables, about 20 ms of every `tag` and `run`.
    public static func format(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let inDay = seconds - days * 86_400
        return civilDay(days) + "T" + padded(inDay / 3_600, 2) + ":" + padded(inDay / 60 % 60, 2) + ":"
            + padded(inDay % 60, 2) + "Z"
    }

    /// The current moment, honouring `SOURCE_DATE_EPOCH` so examples and tests can be byte-for-byte
    /// reproducible. A `SOURCE_DATE_EPOCH` that `sourceDateEpoch` refuses is not used here;
    /// `Workspace` checks it first so the user hears about it.
    public static func now(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let epoch = try? sourceDateEpoch(environment) { return format(epoch) }
        return format(Date())
    }

    /// `SOURCE_DATE_EPOCH` (reproducible-builds.org): whole seconds since 1970, not negative and
    /// not later than tomorrow, since a record dated in the future is refused on reading.
    /// nil when unset; an error naming it when it is anything else.
    public static func sourceDateEpoch(_ environment: [String: String], clock: Date = Date()) throws(LedgerError) -> Date? {
        guard let text = environment["SOURCE_DATE_EPOCH"] else { return nil }
        let latest = Int64(endOfTomorrow(clock).timeIntervalSince1970) - 1
        guard !text.isEmpty, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let seconds = Int64(text), seconds <= latest else {
            throw LedgerError.invalidInput("invalid SOURCE_DATE_EPOCH \(text.debugDescription): expected whole seconds since "
                + "1970-01-01T00:00:00Z from 0 to \(latest) (the end of tomorrow, UTC)")
        }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// The last calendar day a record may carry: tomorrow in UTC, which allows for any time zone
    /// the recording machine was in. A later day would state the future as fact.
    /// Plain arithmetic rather than `Calendar`: every record read runs it.
    public static func latestDay(clock: Date = Date()) -> String {
        civilDay(Int((clock.timeIntervalSince1970 / 86_400).rounded(.down)) + 1)
    }

    /// Days since 1970-01-01 to a proleptic Gregorian `YYYY-MM-DD` (H. Hinnant's civil_from_days).
    private static func civilDay(_ days: Int) -> String {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
    }

    /// Not String(format:), which cost more than the rest of a record's field checks.
    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func endOfTomorrow(_ clock: Date) -> Date {
        Date(timeIntervalSince1970: ((clock.timeIntervalSince1970 / 86_400).rounded(.down) + 2) * 86_400)
    }

    /// A calendar day (`day`) that is not later than tomorrow, UTC: what `--as-of` and
    /// records accept.
    @discardableResult
    public static func pastDay(_ text: String, clock: Date = Date()) throws(LedgerError) -> String {
        try pastDay(CalendarDay(validating: text), clock: clock).text
    }

    /// `day`, unless it is later than tomorrow (UTC): the ledger records what happened, not what will.
    @discardableResult
    public static func pastDay(_ day: CalendarDay, clock: Date = Date()) throws(LedgerError) -> CalendarDay {
        let latest = latestDay(clock: clock)
        guard day.text <= latest else { throw LedgerError.futureDate(day.text, latest: latest) }
        return day
    }

    /// A moment as records store it, `2026-11-23T18:12:23Z`, not later than tomorrow, UTC.
    @discardableResult
    public static func pastInstant(_ text: String, clock: Date = Date()) throws(LedgerError) -> String {
        let characters = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            characters[range].allSatisfy({ (0x30...0x39).contains($0) }) ? Int(String(decoding: characters[range], as: UTF8.self)) : nil
        }
        guard characters.count == 20, characters[10] == UInt8(ascii: "T"), characters[13] == UInt8(ascii: ":"),
              characters[16] == UInt8(ascii: ":"), characters[19] == UInt8(ascii: "Z"),
              let hour = digits(11..<13), let minute = digits(14..<16), let second = digits(17..<19),
              hour < 24, minute < 60, second < 60
        else { throw LedgerError.invalidTimestamp(text) }
        do { try day(String(text.prefix(10))) } catch { throw LedgerError.invalidTimestamp(text) }
        let latest = latestDay(clock: clock)
        guard text.prefix(10) <= latest else { throw LedgerError.futureDate(text, latest: latest) }
        return text
    }

    /// Validates a calendar day such as `2024-07-23`; rejects `2024-02-30` and other forms.
    @discardableResult
    public static func day(_ text: String) throws(LedgerError) -> String {
        let fields = text.split(separator: "-", omittingEmptySubsequences: false)
        guard fields.count == 3, fields[0].count == 4, fields[1].count == 2, fields[2].count == 2,
              fields.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(fields[0]), let month = Int(fields[1]), let day = Int(fields[2]),
              (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
        else { throw LedgerError.invalidDate(text) }
        return text
    }

    /// Proleptic Gregorian month lengths.
    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
