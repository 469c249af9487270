import Crypto

/// A SHA-256 content digest, written `sha256:<64 lowercase hex>`.
///
/// The text form equals `sha256sum` output and the `oid sha256:` of a git-LFS
/// pointer, so anyone can check a recorded artifact with standard tools.
public struct Digest: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The 64 lowercase hexadecimal characters, without the `sha256:` prefix.
    public let hex: String

    public static let prefix = "sha256:"

    /// Wraps a finished SHA-256 so callers never format hex by hand.
    public init(_ digest: SHA256.Digest) {
        self.hex = Self.hexString(digest)
    }

    /// Parses `sha256:<hex>` or a bare 64-character hex string; nil when malformed.
    public init?(parsing text: String) {
        let body = text.hasPrefix(Self.prefix) ? String(text.dropFirst(Self.prefix.count)) : text
        guard body.utf8.count == 64, body.utf8.allSatisfy(Self.isLowerHex) else { return nil }
        self.hex = body
    }

    /// The digest of a byte sequence held in memory.
    public static func of<Bytes: Sequence>(_ bytes: Bytes) -> Digest where Bytes.Element == UInt8 {
        var hasher = SHA256()
        hasher.update(data: Array(bytes))
        return Digest(hasher.finalize())
    }

    /// The digest of a string's UTF-8 bytes.
    public static func of(_ text: String) -> Digest { of(Array(text.utf8)) }

    public var description: String { Self.prefix + hex }

    /// The 32 raw bytes, for compact storage and Merkle trees.
    public var bytes: [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(32)
        var iterator = hex.utf8.makeIterator()
        while let high = iterator.next(), let low = iterator.next() {
            out.append(Self.nibble(high) << 4 | Self.nibble(low))
        }
        return out
    }

    /// Rebuilds a digest from 32 raw bytes; nil for any other length.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 32 else { return nil }
        self.hex = Self.hexString(bytes)
    }

    public static func < (lhs: Digest, rhs: Digest) -> Bool { lhs.hex < rhs.hex }

    /// Written straight into the string's storage: digests are made by the ten thousand
    /// when a folder is re-verified from the cache.
    static func hexString(_ bytes: some Sequence<UInt8>) -> String {
        String(unsafeUninitializedCapacity: 64) { out in
            var index = 0
            for byte in bytes where index < out.count {
                out[index] = hexDigit(byte >> 4)
                out[index + 1] = hexDigit(byte & 0x0f)
                index += 2
            }
            return index
        }
    }

    private static func hexDigit(_ value: UInt8) -> UInt8 { value < 10 ? 0x30 + value : 0x57 + value }

    private static func isLowerHex(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66)
    }

    private static func nibble(_ c: UInt8) -> UInt8 { c <= 0x39 ? c - 0x30 : c - 0x61 + 10 }
}

extension Digest: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let digest = Digest(parsing: text), text.hasPrefix(Self.prefix) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected sha256:<64 lowercase hex>, got \(text.debugDescription)")
        }
        self = digest
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
