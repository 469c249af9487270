import Foundation

/// This machine's Hugging Face hub cache, searched by repository and revision.
///
/// Records name a Hub download as `repo@revision` (and the file within it), never
/// by the recording machine's cache path; each machine finds its own copy here.
/// Every part of the path comes from an untrusted record, so each is checked to
/// be a plain name before it is joined: the result always lies beneath `root`.
public struct HuggingFaceCache: Sendable {
    public var root: String

    public init(root: String) { self.root = root }

    /// `HF_HUB_CACHE` (or the legacy `HUGGINGFACE_HUB_CACHE`), else `$HF_HOME/hub`, else
    /// `$XDG_CACHE_HOME/huggingface/hub`, else `~/.cache/huggingface/hub`, as `huggingface_hub` does.
    public init(environment: [String: String]) {
        func value(_ name: String) -> String? { Self.path(name, in: environment) }
        if let hub = value("HF_HUB_CACHE") ?? value("HUGGINGFACE_HUB_CACHE") {
            root = hub
        } else if let home = value("HF_HOME") {
            root = home + "/hub"
        } else if let xdg = value("XDG_CACHE_HOME") {
            root = xdg + "/huggingface/hub"
        } else {
            root = (value("HOME") ?? NSHomeDirectory()) + "/.cache/huggingface/hub"
        }
    }

    /// A path from the environment as `huggingface_hub` reads it (`os.path.expanduser`): empty
    /// is unset, a leading `~` is `$HOME`.
    public static func path(_ name: String, in environment: [String: String]) -> String? {
        guard let text = environment[name], !text.isEmpty else { return nil }
        if text == "~" || text.hasPrefix("~/"), let home = environment["HOME"] { return home + text.dropFirst() }
        return text
    }

    /// The cached copy of `file` (the whole snapshot when nil) of `repository` at `revision`,
    /// or nil when this cache has none or a part is not a plain name.
    ///
    /// `repository` may carry its type (`datasets/ORG/NAME`); without one, models, then
    /// datasets, then spaces are tried. A revision that is not a 40-hex commit is a
    /// branch or tag, looked up in the repository's `refs/`.
    public func snapshot(repository: String, revision: String, file: String?) -> String? {
        if let file, Self.plainComponents(file) == nil { return nil }
        var parts = repository.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var types = ["models", "datasets", "spaces"]
        if parts.count == 3, types.contains(parts[0]) { types = [parts.removeFirst()] }
        guard (1...2).contains(parts.count), parts.allSatisfy(Self.isRepositoryNamePart) else { return nil }
        for type in types {
            let folder = root + "/" + ([type] + parts).joined(separator: "--")
            guard let commit = commit(for: revision, in: folder) else { continue }
            let path = folder + "/snapshots/" + commit + (file.map { "/" + $0 } ?? "")
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        return nil
    }

    /// The path of `path` inside its snapshot folder (`a/b.bin` for `…/snapshots/REV/a/b.bin`),
    /// nil for the snapshot folder itself or a path outside any snapshot. Reads no file.
    public static func fileWithinSnapshot(_ path: String) -> String? {
        let components = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
        guard let snapshots = components.lastIndex(of: "snapshots"), snapshots + 2 < components.count else { return nil }
        return components[(snapshots + 2)...].joined(separator: "/")
    }

    private func commit(for revision: String, in folder: String) -> String? {
        if HuggingFaceSnapshot.isCommit(revision) { return revision }
        guard Self.plainComponents(revision) != nil else { return nil }
        let ref = folder + "/refs/" + revision
        // A ref is a 40-hex file written by huggingface_hub; anything else is not one.
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: ref),
              attributes[.type] as? FileAttributeType == .typeRegular,
              let size = attributes[.size] as? NSNumber, size.intValue <= 128,
              let data = FileManager.default.contents(atPath: ref),
              let text = String(data: data, encoding: .utf8) else { return nil }
        let commit = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return HuggingFaceSnapshot.isCommit(commit) ? commit : nil
    }

    /// Hub names: letters, digits, `-`, `_`, `.`; not starting with `.` or `-`, no `--`.
    static func isRepositoryNamePart(_ part: String) -> Bool {
        guard let first = part.utf8.first, part.utf8.count <= 96, !part.contains("--"),
              first != UInt8(ascii: "."), first != UInt8(ascii: "-") else { return false }
        return part.utf8.allSatisfy(isNameByte)
    }

    /// The `/`-separated parts of a relative path when none is empty, `.` or `..` and no
    /// byte is a control character; nil otherwise.
    public static func plainComponents(_ path: String) -> [Substring]? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && $0.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x7F } })
        else { return nil }
        return parts
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
            return true
        default:
            return false
        }
    }
}
