import Foundation
import LedgerCore
import Testing

/// `Timestamps.format` spells dates by arithmetic, not through `Calendar` (whose ICU time-zone
/// tables cost 20 ms per start); it must agree with a UTC Gregorian calendar to the second.
@Suite struct TimestampFormatTests {
    func byCalendar(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", p.year!, p.month!, p.day!, p.hour!, p.minute!, p.second!)
    }

    @Test func knownMoments() {
        #expect(Timestamps.format(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
        #expect(Timestamps.format(Date(timeIntervalSince1970: 1_796_212_800.999)) == "2026-12-02T12:00:00Z")
        #expect(Timestamps.format(Date(timeIntervalSince1970: 951_782_399)) == "2000-02-28T23:59:59Z")
        #expect(Timestamps.format(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00Z")
        #expect(Timestamps.format(Date(timeIntervalSince1970: 4_107_542_400)) == "2100-03-01T00:00:00Z")
        #expect(Timestamps.format(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59Z")
    }

    @Test func agreesWithAUTCCalendarOverTwoCenturies() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            // 1900 to 2100, with fractions of a second.
            let seconds = Double(Int64(state >> 20) % 6_311_390_400) - 2_208_988_800 + Double(state & 0xFF) / 256
            let date = Date(timeIntervalSince1970: seconds)
            #expect(Timestamps.format(date) == byCalendar(date), "\(seconds)")
        }
    }
}
