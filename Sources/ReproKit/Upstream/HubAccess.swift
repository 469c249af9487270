import Foundation
import LedgerCore

/// Where the Hub is and who asks it, read from the environment as `huggingface_hub` does:
/// `HF_ENDPOINT`, then the token from `HF_TOKEN` (or `HUGGING_FACE_HUB_TOKEN`), else the
/// token file (`HF_TOKEN_PATH`, default `$HF_HOME/token`, `HF_HOME` defaulting to
/// `$XDG_CACHE_HOME/huggingface` or `~/.cache/huggingface`).
public struct HubAccess: Sendable {
    public var endpoint: String
    public var token: String?
    public var offline: Bool

    public init(environment: [String: String]) {
        var endpoint = environment["HF_ENDPOINT"].flatMap { $0.isEmpty ? nil : $0 } ?? "https://huggingface.co"
        while endpoint.hasSuffix("/") { endpoint.removeLast() }
        self.endpoint = endpoint
        let truthy: Set<String> = ["1", "ON", "YES", "TRUE"]
        offline = [environment["HF_HUB_OFFLINE"], environment["TRANSFORMERS_OFFLINE"]]
            .contains { $0.map { truthy.contains($0.uppercased()) } ?? false }
        token = Self.clean(environment["HF_TOKEN"]) ?? Self.clean(environment["HUGGING_FACE_HUB_TOKEN"])
            ?? Self.clean(Self.tokenFile(environment).flatMap { try? String(contentsOfFile: $0, encoding: .utf8) })
    }

    static func tokenFile(_ environment: [String: String]) -> String? {
        func value(_ name: String) -> String? { HuggingFaceCache.path(name, in: environment) }
        if let path = value("HF_TOKEN_PATH") { return path }
        if let home = value("HF_HOME") { return home + "/token" }
        if let cache = value("XDG_CACHE_HOME") { return cache + "/huggingface/token" }
        return value("HOME").map { $0 + "/.cache/huggingface/token" }
    }

    /// `\r` and `\n` removed, white space trimmed; empty is no token.
    static func clean(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let token = raw.filter { $0 != "\r" && $0 != "\n" }.trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    /// `GET {endpoint}/api/{models|datasets}/{repo}/revision/{revision}?blobs=true`: the
    /// revision with every `/` encoded, as `huggingface_hub` sends it.
    public func infoURL(repo: String, revision: String, type: String) -> URL? {
        var segment = CharacterSet.urlPathAllowed
        segment.remove(charactersIn: "/?#;")
        let repoPath = repo.split(separator: "/", omittingEmptySubsequences: false)
            .map { String($0).addingPercentEncoding(withAllowedCharacters: segment) ?? String($0) }.joined(separator: "/")
        guard let rev = revision.addingPercentEncoding(withAllowedCharacters: segment) else { return nil }
        return URL(string: "\(endpoint)/api/\(type)/\(repoPath)/revision/\(rev)?blobs=true")
    }

    public var headers: [String: String] {
        var headers = ["User-Agent": "repro/0.1.0", "Accept": "application/json"]
        if let token { headers["Authorization"] = "Bearer \(token)" }
        return headers
    }
}
