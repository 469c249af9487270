/// A valid calendar day, `2024-07-23`, checked once where it enters (a flag, a request) so
/// the folds and renderers behind it never see a malformed one.
public struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// `YYYY-MM-DD`, which sorts as the days do.
    public let text: String

    public init(validating text: String) throws(LedgerError) {
        self.text = try Timestamps.day(text)
    }

    public var description: String { text }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool { lhs.text < rhs.text }
}

extension CalendarDay: ExpressibleByStringLiteral {
    /// For days written in code; an invalid literal is a programming error.
    public init(stringLiteral text: String) {
        do { try self.init(validating: text) } catch { preconditionFailure("\(error)") }
    }
}
