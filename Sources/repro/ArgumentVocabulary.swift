import ArgumentParser
import LedgerCore
import LedgerExport
import LedgerReport

// The closed vocabularies of the command line. The enums live where the concept lives; the
// conformance lives here, so the libraries do not depend on ArgumentParser. ArgumentParser
// then rejects any other word itself, naming the option and listing the valid values.

extension ArtifactKind: ExpressibleByArgument {}
extension AvailabilityStatus: ExpressibleByArgument {}
extension DisclosureFormat: ExpressibleByArgument {}
extension ChecklistVenue: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}
extension GraphFormat: ExpressibleByArgument {}

extension CalendarDay {
    /// `--as-of`: ArgumentParser names the option and value, then prints why the day is refused.
    static let argument: @Sendable (String) throws -> CalendarDay = { try CalendarDay(validating: $0) }
    static let help = "YYYY-MM-DD"
}
