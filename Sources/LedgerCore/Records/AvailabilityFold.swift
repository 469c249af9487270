/// The current view of an artifact's availability: a fold over its events by date.
public enum AvailabilityFold {
    /// The event in force on `day` (nil means the latest of all).
    ///
    /// Events are ordered by their day, then by when they were recorded, so a later
    /// correction of the same day wins. A `retained` event says the authors keep a
    /// copy; it does not end a withdrawal, so it is reported apart (`retainedCopy`).
    public static func status(of events: [AvailabilityEvent], onOrBefore day: CalendarDay? = nil) -> AvailabilityEvent? {
        ordered(events, onOrBefore: day).last { $0.status != .retained }
    }

    /// The latest `retained` event on or before `day`, if the authors keep a copy.
    public static func retainedCopy(in events: [AvailabilityEvent], onOrBefore day: CalendarDay? = nil) -> AvailabilityEvent? {
        ordered(events, onOrBefore: day).last { $0.status == .retained }
    }

    static func ordered(_ events: [AvailabilityEvent], onOrBefore day: CalendarDay?) -> [AvailabilityEvent] {
        events.filter { day == nil || $0.asOf <= day!.text }
            .sorted { ($0.asOf, $0.recordedAt) < ($1.asOf, $1.recordedAt) }
    }
}

extension AvailabilityFold {
    /// The status in force and a retained copy, boxed: few artifacts have either, and held
    /// inline the two events made each of a lab ledger's 20,000 artifact views and export
    /// entries half a kilobyte, most of it empty. `boxing` gives nil when both are nil.
    public final class Statuses: Sendable, Hashable {
        public let availability: AvailabilityEvent?
        public let retainedCopy: AvailabilityEvent?

        private init(availability: AvailabilityEvent?, retainedCopy: AvailabilityEvent?) {
            self.availability = availability
            self.retainedCopy = retainedCopy
        }

        public static func boxing(availability: AvailabilityEvent?, retainedCopy: AvailabilityEvent?) -> Statuses? {
            availability == nil && retainedCopy == nil ? nil : Statuses(availability: availability, retainedCopy: retainedCopy)
        }

        public static func == (lhs: Statuses, rhs: Statuses) -> Bool {
            lhs.availability == rhs.availability && lhs.retainedCopy == rhs.retainedCopy
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(availability)
            hasher.combine(retainedCopy)
        }
    }
}
