import Crypto

/// A SHA-256 content digest, written `sha256:<64 lowercase hex>`.
///
/// The text form equals `sha256sum` output and the `oid sha256:` of a git-LFS
/// pointer, so anyone can check a recorded artifact with standard tools.
///
/// Held as its 32 bytes inline, not as text: a statement about a 100,000-experiment
/// ledger holds hundreds of thousands of digests, and each hex string was a heap object.
public struct Digest: Hashable, Comparable, Sendable, CustomStringConvertible {
    // The bytes as four big-endian words: comparing the words in order compares the hex text.
    private let w0: UInt64, w1: UInt64, w2: UInt64, w3: UInt64

    public static let prefix = "sha256:"

    /// The 64 lowercase hexadecimal characters, without the `sha256:` prefix.
    public var hex: String {
        String(unsafeUninitializedCapacity: 64) { out in
            for (position, word) in [w0, w1, w2, w3].enumerated() {
                for nibble in 0..<16 {
                    out[position * 16 + nibble] = Self.hexDigit(UInt8(truncatingIfNeeded: word >> UInt64(60 - 4 * nibble)) & 0x0f)
                }
            }
            return 64
        }
    }

    /// Wraps a finished SHA-256 so callers never format hex by hand.
    public init(_ digest: SHA256.Digest) {
        self = digest.withUnsafeBytes { Digest(words: $0) }
    }

    /// Parses `sha256:<hex>` or a bare 64-character hex string; nil when malformed.
    public init?(parsing text: String) {
        var text = text
        guard let digest = text.withUTF8({ Digest(parsingUTF8: $0) }) else { return nil }
        self = digest
    }

    /// Parses the UTF-8 of `sha256:<hex>` or of bare 64-character hex; nil when malformed.
    public init?(parsingUTF8 text: UnsafeBufferPointer<UInt8>) {
        let prefixLength = 7  // "sha256:"
        let start: Int
        if text.count == prefixLength + 64, text.starts(with: Self.prefix.utf8) {
            start = prefixLength
        } else if text.count == 64 {
            start = 0
        } else {
            return nil
        }
        // Every digest of every record read passes here: no per-character optional or throw.
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        var invalid = false
        for word in 0..<4 {
            var value: UInt64 = 0
            for offset in 0..<16 {
                let c = text[start + word * 16 + offset]
                let digit = c &- 0x30, letter = c &- 0x61
                let nibble = digit < 10 ? digit : (letter < 6 ? letter + 10 : 0xff)
                invalid = invalid || nibble == 0xff
                value = value << 4 | UInt64(nibble & 0x0f)
            }
            switch word {
            case 0: words.0 = value
            case 1: words.1 = value
            case 2: words.2 = value
            default: words.3 = value
            }
        }
        guard !invalid else { return nil }
        (w0, w1, w2, w3) = words
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
        for word in [w0, w1, w2, w3] {
            for shift in stride(from: 56, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
        }
        return out
    }

    /// Rebuilds a digest from 32 raw bytes; nil for any other length.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 32 else { return nil }
        self = Array(bytes).withUnsafeBytes { Digest(words: $0) }
    }

    private init(words raw: UnsafeRawBufferPointer) {
        func word(_ at: Int) -> UInt64 {
            raw[at..<at + 8].reduce(0) { $0 << 8 | UInt64($1) }
        }
        (w0, w1, w2, w3) = (word(0), word(8), word(16), word(24))
    }

    public static func < (lhs: Digest, rhs: Digest) -> Bool {
        (lhs.w0, lhs.w1, lhs.w2, lhs.w3) < (rhs.w0, rhs.w1, rhs.w2, rhs.w3)
    }

    /// Lowercase hex of any bytes (git blob ids too), written straight into the string's storage.
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
