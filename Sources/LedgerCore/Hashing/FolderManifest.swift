/// The canonical listing of a folder whose SHA-256 is the folder digest.
///
/// One line per regular file, byte-for-byte what GNU `sha256sum` (coreutils 9)
/// prints for it, sorted by the UTF-8 bytes of the path, so a reader can
/// recompute the folder digest with coreutils alone (see README).
public struct FolderManifest: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        /// Relative path bytes, `/`-separated, no `./` prefix.
        public var path: [UInt8]
        public var digest: Digest
        public var size: Int64

        public init(path: [UInt8], digest: Digest, size: Int64) {
            self.path = path
            self.digest = digest
            self.size = size
        }

        /// The path for display; invalid UTF-8 shows as U+FFFD.
        public var displayPath: String { String(decoding: path, as: UTF8.self) }
    }

    /// Sorted by path bytes.
    public let entries: [Entry]

    public init(entries: [Entry]) {
        // Scans hand entries over already sorted; checking is linear, sorting is not.
        let inOrder = zip(entries, entries.dropFirst()).allSatisfy { !$1.path.lexicographicallyPrecedes($0.path) }
        self.entries = inOrder ? entries : entries.sorted { $0.path.lexicographicallyPrecedes($1.path) }
    }

    /// The manifest bytes in `sha256sum` format.
    public var text: [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(entries.count * 100)
        for entry in entries { Self.appendLine(entry, to: &out) }
        return out
    }

    public var digest: Digest { Digest.of(text) }

    public var totalSize: Int64 { entries.reduce(0) { $0 + $1.size } }

    /// Writes one line as `sha256sum` does: a name holding `\`, newline or CR gets a
    /// leading backslash on the line and those characters escaped.
    static func appendLine(_ entry: Entry, to out: inout [UInt8]) {
        let needsEscape = entry.path.contains { $0 == 0x5c || $0 == 0x0a || $0 == 0x0d }
        if needsEscape { out.append(0x5c) }
        out.append(contentsOf: entry.digest.hex.utf8)
        out.append(0x20)
        out.append(0x20)
        if needsEscape {
            for byte in entry.path {
                switch byte {
                case 0x5c: out.append(contentsOf: [0x5c, 0x5c])
                case 0x0a: out.append(contentsOf: [0x5c, 0x6e])
                case 0x0d: out.append(contentsOf: [0x5c, 0x72])
                default: out.append(byte)
                }
            }
        } else {
            out.append(contentsOf: entry.path)
        }
        out.append(0x0a)
    }

    /// Parses manifest text written by `text` (or by `sha256sum`); nil names the bad line.
    public static func parse(_ bytes: [UInt8]) -> Result<[(path: [UInt8], digest: Digest)], ManifestParseError> {
        var result: [(path: [UInt8], digest: Digest)] = []
        var lineNumber = 0
        for rawLine in bytes.split(separator: 0x0a, omittingEmptySubsequences: true) {
            lineNumber += 1
            var line = Array(rawLine)
            let escaped = line.first == 0x5c
            if escaped { line.removeFirst() }
            guard line.count > 66, line[64] == 0x20, line[65] == 0x20,
                  let digest = Digest(parsing: String(decoding: line[0..<64], as: UTF8.self))
            else { return .failure(ManifestParseError(line: lineNumber)) }
            var path = Array(line[66...])
            if escaped {
                var unescaped: [UInt8] = []
                var index = 0
                while index < path.count {
                    if path[index] == 0x5c, index + 1 < path.count {
                        switch path[index + 1] {
                        case 0x5c: unescaped.append(0x5c)
                        case 0x6e: unescaped.append(0x0a)
                        case 0x72: unescaped.append(0x0d)
                        default: return .failure(ManifestParseError(line: lineNumber))
                        }
                        index += 2
                    } else {
                        unescaped.append(path[index])
                        index += 1
                    }
                }
                path = unescaped
            }
            result.append((path, digest))
        }
        return .success(result)
    }
}

/// A manifest line that is not `<64 hex>  <path>`.
public struct ManifestParseError: Error, Equatable, Sendable {
    public var line: Int
    public init(line: Int) { self.line = line }
}
