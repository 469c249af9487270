import Foundation
import LedgerCore

/// Asks a source URL for its headers, with HEAD only. A HEAD answer has no body; a GET's
/// body, when the server ignores the range, compresses it or gives no length, is read by
/// FoundationNetworking before a cancel takes effect (a 4 MB gzip of zeros reached 4 GB), and
/// the URL comes from a record a co-author may have written. A server that refuses HEAD
/// concludes nothing.
struct SourceProbe: Sendable {
    var client: HTTPClient

    func ask(_ url: URL) -> HTTPClient.Outcome {
        client.send(url, method: "HEAD", headers: ["User-Agent": "repro/0.1.0"])
    }

    /// The headers worth keeping from a successful answer.
    static func response(_ url: String, _ answer: HTTPClient.Response, at time: String) -> SourceResponse {
        var length = answer.headers["content-length"].flatMap { Int64($0) }
        if answer.status == 206, let range = answer.headers["content-range"], let total = range.split(separator: "/").last {
            length = Int64(total)
        }
        return SourceResponse(url: url, httpStatus: answer.status, etag: answer.headers["etag"],
                              lastModified: answer.headers["last-modified"], contentLength: length, observedAt: time)
    }
}

extension Workspace {
    /// Headers of the http(s) sources at track time: one quick attempt each; a source that
    /// cannot be reached is simply not described (tracking never depends on the network).
    func probeSources(_ urls: [String]) -> [SourceResponse] {
        let access = HubAccess(environment: environment)
        guard !access.offline, environment["REPRO_NO_NETWORK"] == nil else { return [] }
        let configured = HTTPClient(environment: environment)
        let probe = SourceProbe(client: HTTPClient(timeout: min(configured.timeout, 3), attempts: 1, backoff: 0))
        return urls.compactMap { text in
            guard text.hasPrefix("http://") || text.hasPrefix("https://"), let url = URL(string: text),
                  case .response(let answer) = probe.ask(url), (200..<300).contains(answer.status) else { return nil }
            return SourceProbe.response(text, answer, at: now())
        }
    }
}
