import Foundation
import LedgerCore

/// One artifact as `upstream` asks about it: where it comes from and what the ledger
/// says of it, gathered from the index before any request is sent.
struct UpstreamSubject: Sendable {
    struct HubOrigin: Sendable {
        var repo: String
        var revision: String
        /// `models` or `datasets` (the record does not say; a dataset artifact is taken as a dataset repo).
        var type: String
    }

    /// A file the ledger recorded: its path in the repo, SHA-256, and git blob SHA-1 when known.
    struct File: Sendable {
        var path: String
        var sha256: String
        var gitBlob: String?
    }

    var digest: Digest
    var name: String
    var ledger: String
    /// An http(s) source and what it answered when tracked, if it was reachable then.
    struct URLSource: Sendable {
        var url: String
        var responseWhenTracked: SourceResponse?
    }

    var hub: HubOrigin?
    /// Every http(s) source, each once: the artifact is asked about at each.
    var urls: [URLSource]
    var files: [File]
    var license: String?
    var current: AvailabilityStatus
}
