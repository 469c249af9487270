import Foundation
import LedgerCore

/// Asks a source URL for its headers: HEAD, or a one-byte ranged GET when HEAD is refused.
struct SourceProbe: Sendable {
    var client: HTTPClient

    struct Answer: Sendable {
        var method: String
        var outcome: HTTPClient.Outcome
    }

    func ask(_ url: URL) -> Answer {
        let headers = ["User-Agent": "repro/0.1.0"]
        let head = client.send(url, method: "HEAD", headers: headers, headersOnly: true)
        if case .response(let answer) = head, [403, 405, 501].contains(answer.status) {
            // A server that ignores the range sends the whole file: the transfer stops at its first byte.
            return Answer(method: "GET (bytes 0-0)",
                          outcome: client.send(url, method: "GET", headers: headers.merging(["Range": "bytes=0-0"]) { $1 },
                                               headersOnly: true))
        }
        return Answer(method: "HEAD", outcome: head)
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
                  case .response(let answer) = probe.ask(url).outcome, (200..<300).contains(answer.status) else { return nil }
            return SourceProbe.response(text, answer, at: now())
        }
    }
}
