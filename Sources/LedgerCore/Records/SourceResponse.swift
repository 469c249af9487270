/// What a source URL answered when the artifact was tracked, so `repro upstream` can tell
/// later whether the bytes behind it changed (ETag, Last-Modified, Content-Length).
public struct SourceResponse: Codable, Hashable, Sendable {
    public var url: String
    public var httpStatus: Int
    public var etag: String?
    public var lastModified: String?
    /// The full length: `Content-Length`, or the total of a ranged answer's `Content-Range`.
    public var contentLength: Int64?
    /// RFC 3339 time of the answer.
    public var observedAt: String

    public init(url: String, httpStatus: Int, etag: String?, lastModified: String?, contentLength: Int64?, observedAt: String) {
        self.url = url
        self.httpStatus = httpStatus
        self.etag = etag
        self.lastModified = lastModified
        self.contentLength = contentLength
        self.observedAt = observedAt
    }
}
