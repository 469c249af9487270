import LedgerCore

/// A fetchable location of an artifact, as an IRI every format accepts.
struct SourceLocation: Hashable, Sendable {
    enum Origin: Hashable, Sendable {
        case url
        case huggingFace(repo: String, revision: String)
    }

    var url: String
    var origin: Origin

    /// Nil for local paths: they mean nothing to a reader of the export.
    init?(source: ArtifactSource, kind: ArtifactKind?) {
        switch source.type {
        case .url:
            guard let url = source.url, !url.isEmpty else { return nil }
            self.url = IRI.escaping(url)
            origin = .url
        case .huggingface:
            guard let repo = source.repo, let revision = source.revision else { return nil }
            self.url = Self.huggingFaceURL(repo: repo, revision: revision, kind: kind)
            origin = .huggingFace(repo: repo, revision: revision)
        case .path:
            return nil
        }
    }

    /// `https://huggingface.co/REPO/tree/REVISION`, under `datasets/` for datasets.
    ///
    /// Sources do not record the Hub repository type, so a dataset's repository is assumed
    /// to be a dataset repository unless its id already names the type.
    static func huggingFaceURL(repo: String, revision: String, kind: ArtifactKind?) -> String {
        let typed = repo.hasPrefix("datasets/") || repo.hasPrefix("spaces/") || repo.hasPrefix("models/")
        let path = typed || kind != .dataset ? repo : "datasets/" + repo
        return "https://huggingface.co/" + IRI.escaping(path) + "/tree/" + IRI.escaping(revision)
    }
}
