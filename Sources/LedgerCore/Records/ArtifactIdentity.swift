/// What an artifact is: a file or a folder, and its digest.
///
/// A folder's digest is the SHA-256 of its `sha256sum` listing, so a file holding that
/// listing has the same digest: the layout is what tells them apart, and an empty file
/// from an empty folder. A git-LFS pointer names the file it stands for (its oid is that
/// file's SHA-256), so a pointer and the downloaded file are one artifact.
public struct ArtifactIdentity: Hashable, Comparable, Sendable, CustomStringConvertible {
    public enum Layout: String, Codable, Hashable, Comparable, Sendable, CaseIterable {
        case file, folder

        public init(_ recorded: ArtifactLayout) {
            self = recorded == .folder ? .folder : .file
        }

        public static func < (lhs: Layout, rhs: Layout) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var layout: Layout
    public var digest: Digest

    public init(layout: Layout, digest: Digest) {
        self.layout = layout
        self.digest = digest
    }

    public init(_ layout: ArtifactLayout, _ digest: Digest) {
        self.init(layout: Layout(layout), digest: digest)
    }

    public init(_ record: ArtifactRecord) {
        self.init(record.layout, record.digest)
    }

    /// `folder:sha256:<hex>` or `file:sha256:<hex>`: how a reference names one layout.
    public var description: String { "\(layout.rawValue):\(digest)" }

    /// Parses `file:sha256:<hex>`, `folder:sha256:<hex>` (or without `sha256:`); nil otherwise.
    public init?(parsing text: String) {
        guard let colon = text.firstIndex(of: ":"), let layout = Layout(rawValue: String(text[..<colon])),
              let digest = Digest(parsing: String(text[text.index(after: colon)...]))
        else { return nil }
        self.init(layout: layout, digest: digest)
    }

    public static func < (lhs: ArtifactIdentity, rhs: ArtifactIdentity) -> Bool {
        (lhs.digest, lhs.layout) < (rhs.digest, rhs.layout)
    }
}

extension ArtifactRecord {
    public var identity: ArtifactIdentity { ArtifactIdentity(self) }
}

/// Written as its text form, `folder:sha256:<hex>`.
extension ArtifactIdentity: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let identity = ArtifactIdentity(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not LAYOUT:sha256:HEX: \(text)"))
        }
        self = identity
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
