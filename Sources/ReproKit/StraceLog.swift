/// One file a traced process opened or renamed into place, from strace's output.
struct TracedAccess: Hashable, Sendable {
    enum Mode: Sendable { case read, write, readWrite }
    /// The path strace decoded for the returned descriptor (`-y`), else the absolute path given.
    var path: String
    var mode: Mode
}

/// Parses the output of `strace -f -y -o FILE` for the open family and renames.
///
/// Robust to what strace prints under load: `<unfinished ...>` and `<... openat resumed>`
/// pairs of the same pid, quoted paths with C escapes, failed calls (`= -1 ENOENT`), which
/// are ignored, and lines it does not know (signals, exits), which are skipped.
struct StraceLog {
    private(set) var accesses: [TracedAccess] = []
    private var pending: [Substring: String] = [:]
    private var cwds: [Substring: String] = [:]

    init() {}

    init(_ text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) { add(line) }
    }

    mutating func add(_ rawLine: Substring) {
        var line = rawLine
        var pid: Substring = ""
        if let space = line.firstIndex(of: " "), line[..<space].allSatisfy(\.isNumber) {
            pid = line[..<space]
            line = line[line.index(after: space)...].drop(while: { $0 == " " })
        }
        if line.hasSuffix("<unfinished ...>") {
            pending[pid] = String(line.dropLast("<unfinished ...>".count))
            return
        }
        var call: String
        if line.hasPrefix("<... "), let resumed = line.range(of: " resumed>") {
            guard let start = pending.removeValue(forKey: pid) else { return }
            call = start + line[resumed.upperBound...]
        } else {
            call = String(line)
        }
        while call.last == " " { call.removeLast() }
        if let cwd = Self.decodedPath(after: "AT_FDCWD<", in: call[...]) { cwds[pid] = cwd }
        if let access = Self.parse(call, cwd: cwds[pid]) { accesses.append(access) }
    }

    /// `openat(AT_FDCWD, "/x", O_RDONLY|O_CLOEXEC) = 3</x>` → (/x, read). Relative rename
    /// targets are taken against the process's last seen working folder (`AT_FDCWD</cwd>`).
    static func parse(_ call: String, cwd: String?) -> TracedAccess? {
        guard let paren = call.firstIndex(of: "("), let equals = call.range(of: ") = ", options: .backwards) else { return nil }
        let name = call[..<paren]
        let result = call[equals.upperBound...]
        guard let first = result.first, first.isNumber else { return nil }
        let arguments = call[call.index(after: paren)..<equals.lowerBound]
        let (strings, rest) = quotedStrings(arguments)
        func absolute(_ path: String) -> String? {
            path.hasPrefix("/") ? path : cwd.map { $0 + "/" + path }
        }
        switch name {
        case "open", "openat", "openat2", "creat":
            guard let given = strings.first, !rest.contains("O_DIRECTORY") else { return nil }
            let mode: TracedAccess.Mode
            if name == "creat" || rest.contains("O_WRONLY") { mode = .write }
            else if rest.contains("O_RDWR") { mode = .readWrite }
            else if rest.contains("O_CREAT") || rest.contains("O_TRUNC") { mode = .write }
            else { mode = .read }
            guard let path = decodedPath(after: "<", in: result) ?? absolute(given) else { return nil }
            return TracedAccess(path: path, mode: mode)
        case "rename", "renameat", "renameat2":
            guard strings.count == 2, let target = absolute(strings[1]) else { return nil }
            return TracedAccess(path: target, mode: .write)
        default:
            return nil
        }
    }

    /// `3</abs/path>` → `/abs/path`: strace's `-y` decoding of a descriptor, after `marker`.
    static func decodedPath(after marker: String, in text: Substring) -> String? {
        guard let open = text.range(of: marker) else { return nil }
        var end = open.upperBound
        while end < text.endIndex && text[end] != ">" {
            if text[end] == "\\" { end = text.index(after: end) }
            if end < text.endIndex { end = text.index(after: end) }
        }
        let inner = text[open.upperBound..<min(end, text.endIndex)]
        guard end < text.endIndex, inner.hasPrefix("/") else { return nil }
        return unescape(inner)
    }

    /// The double-quoted C strings among the arguments, unescaped, and the text after the
    /// last one (the flags), so a path spelling `O_WRONLY` is not taken for a flag.
    static func quotedStrings(_ text: Substring) -> ([String], Substring) {
        var found: [String] = []
        var rest = text
        var index = text.startIndex
        while index < text.endIndex {
            guard text[index] == "\"" else { index = text.index(after: index); continue }
            var end = text.index(after: index)
            while end < text.endIndex && text[end] != "\"" {
                if text[end] == "\\" { end = text.index(after: end) }
                if end < text.endIndex { end = text.index(after: end) }
            }
            guard end < text.endIndex else { break }
            found.append(unescape(text[text.index(after: index)..<end]))
            index = text.index(after: end)
            rest = text[index...]
        }
        return (found, rest)
    }

    /// C escapes as strace writes them: `\"`, `\\`, `\n`, `\t`, octal `\303` and hex `\xc3`,
    /// taken as bytes so non-UTF-8-safe names come back intact.
    static func unescape(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.popFirst() {
            guard byte == UInt8(ascii: "\\"), let next = utf8.popFirst() else { bytes.append(byte); continue }
            switch next {
            case UInt8(ascii: "n"): bytes.append(0x0a)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "r"): bytes.append(0x0d)
            case UInt8(ascii: "v"): bytes.append(0x0b)
            case UInt8(ascii: "f"): bytes.append(0x0c)
            case UInt8(ascii: "x"):
                var value: UInt8 = 0
                for _ in 0..<2 {
                    guard let digit = utf8.first, let v = hexValue(digit) else { break }
                    value = value &* 16 &+ v
                    utf8.removeFirst()
                }
                bytes.append(value)
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = next - UInt8(ascii: "0")
                for _ in 0..<2 {
                    guard let digit = utf8.first, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(digit) else { break }
                    value = value &* 8 &+ (digit - UInt8(ascii: "0"))
                    utf8.removeFirst()
                }
                bytes.append(value)
            default: bytes.append(next)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
