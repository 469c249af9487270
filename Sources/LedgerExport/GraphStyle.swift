import LedgerCore

/// Colours for artifacts whose availability limits reproduction, shared by both diagram
/// languages: red for withdrawn, amber for gated, grey-blue for the rest.
enum GraphStyle {
    /// The statuses a graph marks, in the order their styles are declared.
    static let marked: [AvailabilityStatus] = [.withdrawn, .gated, .apiOnly, .deprecated, .private]

    struct Colors: Sendable {
        var fill: String
        var stroke: String
    }

    static func colors(_ status: AvailabilityStatus) -> Colors {
        switch status {
        case .withdrawn: Colors(fill: "#fde2e2", stroke: "#b91c1c")
        case .gated: Colors(fill: "#fef3c7", stroke: "#b45309")
        case .deprecated, .apiOnly, .private, .open, .retained: Colors(fill: "#e5e7eb", stroke: "#4b5563")
        }
    }

    /// A class name both languages accept (`api-only` has a hyphen Mermaid treats as text).
    static func className(_ status: AvailabilityStatus) -> String {
        status == .apiOnly ? "apionly" : status.rawValue
    }
}
