import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization

/// One HTTP exchange as `upstream` needs it: redirects are answers (a renamed Hub repo
/// is a 3xx), 429 and 5xx are retried with back-off, and anything that never got an
/// answer is `unreachable` — from which nothing is concluded.
///
/// Built on FoundationNetworking's `URLSession`: the toolchain ships it, so `upstream`
/// adds no dependency and no build time; it does all `upstream` needs (HEAD, GET, headers,
/// timeouts, stopping at redirects). It cannot bound a compressed or unstated-length body
/// before libcurl has read it (see `Exchange`), which is why URL sources get HEAD only.
public struct HTTPClient: Sendable {
    public struct Response: Sendable, Equatable {
        public var status: Int
        /// Header names lower-cased.
        public var headers: [String: String]
        public var body: [UInt8]
    }

    public enum Outcome: Sendable, Equatable {
        case response(Response)
        /// No usable answer after the retries: the reason, for the report.
        case unreachable(String)
    }

    /// Seconds before a request is abandoned (`REPRO_HTTP_TIMEOUT`, default 10 like `HF_HUB_ETAG_TIMEOUT`).
    public var timeout: Double
    /// Attempts per request, the first included.
    public var attempts: Int
    /// Back-off before the second attempt; doubled for each next one (`REPRO_HTTP_BACKOFF`).
    public var backoff: Double
    /// Longest `Retry-After` honoured; a longer one ends the retries.
    public var maximumRetryAfter: Double = 60
    /// Bytes of a body kept; the Hub's answers are JSON documents far smaller than this.
    public var maximumBody = 16 << 20

    public init(timeout: Double = 10, attempts: Int = 3, backoff: Double = 1) {
        self.timeout = timeout
        self.attempts = max(1, attempts)
        self.backoff = backoff
    }

    public init(environment: [String: String]) {
        self.init(timeout: environment["REPRO_HTTP_TIMEOUT"].flatMap(Double.init) ?? 10,
                  backoff: environment["REPRO_HTTP_BACKOFF"].flatMap(Double.init) ?? 1)
    }

    /// Sends the request, retrying 429 (after `Retry-After`), 5xx and transport failures.
    public func send(_ url: URL, method: String = "GET", headers: [String: String] = [:]) -> Outcome {
        var last = Outcome.unreachable("no attempt made")
        for attempt in 0..<attempts {
            let (outcome, final) = once(url, method: method, headers: headers)
            last = outcome
            // An answer too large to read is the server's answer, not a transient failure.
            if final { return last }
            var wait = backoff * pow(2, Double(attempt))
            switch last {
            case .response(let response) where response.status == 429:
                if let after = response.headers["retry-after"].flatMap(Double.init) {
                    if after > maximumRetryAfter { return .unreachable("HTTP 429, Retry-After \(Int(after)) s") }
                    wait = after
                }
                if attempt + 1 == attempts { return .unreachable("HTTP 429 (rate limited) after \(attempts) attempts") }
            case .response(let response) where response.status >= 500:
                if attempt + 1 == attempts { return .unreachable("HTTP \(response.status) after \(attempts) attempts") }
            case .response:
                return last
            case .unreachable(let reason):
                if attempt + 1 == attempts { return .unreachable("\(reason) (\(attempts) attempts)") }
            }
            Thread.sleep(forTimeInterval: wait)
        }
        return last
    }

    /// One attempt; `final` when retrying cannot help.
    private func once(_ url: URL, method: String, headers: [String: String]) -> (outcome: Outcome, final: Bool) {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalAndRemoteCacheData, timeoutInterval: timeout)
        request.httpMethod = method
        // Uncompressed answers only: a compressed one is refused unread (see `Exchange`).
        request.setValue("identity", forHTTPHeaderField: "Accept-Encoding")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpShouldSetCookies = false
        // A HEAD answer has no body: its Content-Length is the resource's size, not a limit to check.
        let headersOnly = method == "HEAD"
        let exchange = Exchange(limit: headersOnly ? 0 : maximumBody)
        let session = URLSession(configuration: configuration, delegate: exchange, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        let task = session.dataTask(with: request)
        task.resume()
        // The session's own timeout ends the task; this is a backstop if it does not (headers
        // sent a byte at a time kept a 3 s probe going for 8 s), worded as the session words it.
        if exchange.done.wait(timeout: .now() + timeout + 1) == .timedOut {
            task.cancel()
            return (.unreachable("timed out"), false)
        }
        let ended = exchange.ended
        if let encoding = ended.compressed {
            return (.unreachable("the answer was compressed (Content-Encoding: \(encoding)) though none was asked for, so it was not read"), true)
        }
        if ended.overflowed, !headersOnly {
            return (.unreachable("the answer was larger than \(maximumBody >> 20) MiB, so it was not read"), true)
        }
        // A transfer that failed part way (a reset, a short body) is no answer, as before.
        if let failure = ended.failure { return (.unreachable(failure), false) }
        guard let head = ended.head ?? (task.response as? HTTPURLResponse).map(Exchange.Head.init) else {
            return (.unreachable("no answer"), false)
        }
        return (.response(Response(status: head.status, headers: head.headers, body: ended.body)), false)
    }

    static func describe(_ error: (any Error)?) -> String {
        guard let error else { return "no answer" }
        if let urlError = error as? URLError {
            switch urlError.code {
            case .timedOut: return "timed out"
            case .cannotConnectToHost: return "connection refused"
            case .cannotFindHost: return "host not found"
            case .notConnectedToInternet: return "not connected"
            default: return "network error \(urlError.code.rawValue)"
            }
        }
        return "\(error)"
    }
}

/// One request's delegate: hands a redirect back as the answer instead of following it,
/// and keeps the body only up to `limit` bytes. Kept whole until the end, a 4 GB answer or
/// a 4 MB gzip of 4 GB of zeros took as much memory, so the decision is taken from the
/// headers where it can be: a probe (limit 0) reads no body, a `Content-Length` over the
/// limit or any `Content-Encoding` (asked for none; a decompressed size cannot be bounded
/// before it is produced) cancels the request when its headers arrive. A body of unstated
/// length is counted as it arrives and cancelled past the limit. The cancel is asynchronous:
/// libcurl finishes inflating, or reading, what it already has first (measured: a 4 MB gzip
/// bomb still reached 12 GB), so this bounds honest servers, not a hostile one.
private final class Exchange: NSObject, URLSessionDataDelegate, Sendable {
    struct Head: Sendable {
        var status: Int
        /// Names lower-cased.
        var headers: [String: String]

        init(_ response: HTTPURLResponse) {
            status = response.statusCode
            var fields: [String: String] = [:]
            for (key, value) in response.allHeaderFields {
                if let key = key as? String, let value = value as? String { fields[key.lowercased()] = value }
            }
            headers = fields
        }
    }

    struct Ended: Sendable {
        var head: Head?
        var body: [UInt8] = []
        var overflowed = false
        /// The `Content-Encoding` of an answer refused for it.
        var compressed: String?
        var failure: String?
    }

    let limit: Int
    let done = DispatchSemaphore(value: 0)
    private let state = Mutex(Ended())

    init(limit: Int) {
        self.limit = limit
    }

    var ended: Ended { state.withLock { $0 } }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void) {
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        guard let http = response as? HTTPURLResponse else { return completionHandler(.allow) }
        let head = Head(http)
        let encoding = head.headers["content-encoding"].map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let declared = head.headers["content-length"].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let stop = state.withLock { ended in
            ended.head = head
            // A probe's headers are its whole answer, compressed body or not.
            if limit == 0 || (declared ?? 0) > limit {
                ended.overflowed = true
                return true
            }
            if let encoding, !encoding.isEmpty, encoding != "identity" {
                ended.compressed = encoding
                return true
            }
            return false
        }
        completionHandler(stop ? .cancel : .allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let over = state.withLock { ended in
            guard !ended.overflowed else { return true }
            guard ended.body.count + data.count <= limit else {
                ended.overflowed = true
                ended.body = []
                return true
            }
            ended.body.append(contentsOf: data)
            return false
        }
        if over { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        state.withLock { ended in
            if let error, !ended.overflowed, ended.compressed == nil { ended.failure = HTTPClient.describe(error) }
        }
        done.signal()
    }
}
