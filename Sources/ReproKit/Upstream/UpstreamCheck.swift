import Foundation
import LedgerCore

/// Asks the Hub or a URL about one artifact and words the answer in the ledger's terms.
struct UpstreamCheck: Sendable {
    var client: HTTPClient
    var access: HubAccess
    /// RFC 3339 time stamped on observations.
    var now: String

    /// What one source said.
    struct SourceCheck: Sendable {
        var source: String
        /// Nil when the answer concluded nothing.
        var status: AvailabilityStatus?
        var findings: [String]
        var observation: UpstreamObservation?
        /// Something besides the status differs from the ledger (a rename, bytes, license, ETag).
        var drifted = false
        var reached = true
    }

    /// Asks every source the ledger records (the Hub first, then each URL) and folds the answers.
    func run(_ subject: UpstreamSubject) -> UpstreamResult {
        var checks: [SourceCheck] = []
        if let hub = subject.hub { checks.append(checkHub(subject, hub)) }
        for source in subject.urls { checks.append(checkURL(subject, source)) }
        guard !checks.isEmpty else {
            return verdict(subject, SourceCheck(source: "", status: nil, findings: ["no Hugging Face or http(s) source recorded"]))
        }
        return checks.count == 1 ? verdict(subject, checks[0]) : verdict(subject, combining: checks)
    }

    /// One source's answer in the ledger's terms.
    private func verdict(_ subject: UpstreamSubject, _ check: SourceCheck) -> UpstreamResult {
        guard let status = check.status else {
            return result(subject, source: check.source, status: nil, findings: check.findings, observation: nil,
                          state: check.reached ? .unknown : .unreachable)
        }
        var findings = check.findings
        let changed = status != subject.current
        if changed { findings.insert("status: the ledger says \(subject.current.rawValue), now \(status.rawValue)", at: 0) }
        return result(subject, source: check.source, status: status, findings: findings, observation: check.observation,
                      state: changed || check.drifted ? .drift : .unchanged)
    }

    /// Several sources: the artifact is as available as its most available source, so one
    /// mirror gone is not the artifact withdrawn. Open when any source serves it; else, when a
    /// source could not be asked or said nothing, nothing is concluded (it might serve it);
    /// else what the first source said. Each source's answer is listed under it.
    private func verdict(_ subject: UpstreamSubject, combining checks: [SourceCheck]) -> UpstreamResult {
        var findings: [String] = []
        for check in checks {
            findings.append("\(check.source): \(check.status?.rawValue ?? "not concluded")")
            findings += check.findings.map { "  " + $0 }
        }
        let drifted = checks.contains(where: \.drifted)
        let concluded = checks.first { $0.status == .open } ?? (checks.allSatisfy { $0.status != nil } ? checks[0] : nil)
        guard let primary = concluded else {
            findings.append("no source serves it and not every source gave an answer, so nothing is concluded")
            return result(subject, source: checks.map(\.source).joined(separator: ", "), status: nil, findings: findings,
                          observation: nil, state: checks.contains { !$0.reached } ? .unreachable : .unknown)
        }
        return verdict(subject, SourceCheck(source: checks.map(\.source).joined(separator: ", "), status: primary.status,
                                            findings: findings, observation: primary.observation, drifted: drifted))
    }

    // MARK: Hugging Face Hub

    private func checkHub(_ subject: UpstreamSubject, _ hub: UpstreamSubject.HubOrigin) -> SourceCheck {
        let source = "huggingface:\(hub.repo)@\(hub.revision)"
        guard let url = access.infoURL(repo: hub.repo, revision: hub.revision, type: hub.type) else {
            return SourceCheck(source: source, status: nil, findings: ["cannot form a Hub URL for \(hub.repo)@\(hub.revision)"])
        }
        var findings: [String] = []
        var asked = url
        var outcome = client.send(url, headers: access.headers)
        var renamed = false
        if case .response(let answer) = outcome, (300..<400).contains(answer.status), let location = answer.headers["location"],
           let next = URL(string: location, relativeTo: url)?.absoluteURL,
           let newRepo = Self.renamedRepo(next, asked: url, hub: hub) {
            findings.append("renamed: the Hub redirects \(hub.repo) to \(newRepo) (HTTP \(answer.status))")
            renamed = true
            asked = next
            outcome = client.send(next, headers: access.headers)
        }
        let answer: HTTPClient.Response
        switch outcome {
        case .unreachable(let reason):
            return SourceCheck(source: source, status: nil, findings: findings + ["the Hub could not be reached: \(reason); nothing concluded"],
                               reached: false)
        case .response(let response): answer = response
        }
        // The Hub's codes are words (`GatedRepo`, `RepoNotFound`); anything else a server puts
        // there is neither quoted in the report nor recorded as evidence.
        let code = answer.headers["x-error-code"].flatMap { text in
            !text.isEmpty && text.count <= 64 && text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
                ? text : nil
        }
        let message = answer.headers["x-error-message"]
        func observed(_ errorCode: String?, commit: String? = nil) -> UpstreamObservation {
            UpstreamObservation(place: .huggingface, url: asked.absoluteString, httpStatus: answer.status, errorCode: errorCode,
                                observedAt: now, commit: commit)
        }
        let noToken = access.token == nil ? "; no token was sent (set HF_TOKEN)" : ""
        var status: AvailabilityStatus?
        var observation: UpstreamObservation?
        if code == "RevisionNotFound" {
            status = .withdrawn
            observation = observed(code)
            findings.append("revision \(hub.revision) is no longer published on the Hub (HTTP \(answer.status), RevisionNotFound); "
                            + "the repo exists but these bytes cannot be downloaded at that revision")
        } else if code == "GatedRepo" {
            status = .gated
            observation = observed(code)
            findings.append("gated on the Hub (HTTP \(answer.status), GatedRepo)" + (answer.status == 401 ? noToken : ""))
        } else if message == "Access to this resource is disabled." {
            status = .withdrawn
            observation = observed("Disabled")
            findings.append("disabled on the Hub (HTTP \(answer.status), \"Access to this resource is disabled.\")")
        } else if code == "RepoNotFound" || answer.status == 404 || answer.status == 410 {
            status = .withdrawn
            observation = observed(code)
            findings.append("not found on the Hub (HTTP \(answer.status)\(code.map { ", \($0)" } ?? ""))")
        } else if answer.status == 401 {
            if message == "Invalid credentials in Authorization header" {
                findings.append("the Hub refused the token (HTTP 401, invalid credentials); nothing concluded")
            } else if access.token == nil {
                findings.append("the Hub answers HTTP 401 for private, gated and missing repos alike and no token was sent "
                                + "(set HF_TOKEN or log in with the Hugging Face CLI); nothing concluded")
            } else {
                status = .private
                observation = observed(code)
                findings.append("private or not visible to this token (HTTP 401)")
            }
        } else if answer.status == 200 {
            return checkInfo(subject, hub, source: source, answer: answer, findings: findings, renamed: renamed, observed: observed)
        } else {
            findings.append("the Hub answered HTTP \(answer.status)\(code.map { ", \($0)" } ?? ""); nothing concluded")
        }
        return SourceCheck(source: source, status: status, findings: findings, observation: observation, drifted: renamed)
    }

    private func checkInfo(_ subject: UpstreamSubject, _ hub: UpstreamSubject.HubOrigin, source: String, answer: HTTPClient.Response,
                           findings: [String], renamed: Bool,
                           observed: (String?, String?) -> UpstreamObservation) -> SourceCheck {
        var findings = findings
        guard let info = (try? JSONSerialization.jsonObject(with: Data(answer.body))) as? [String: Any] else {
            return SourceCheck(source: source, status: nil, findings: findings + ["the Hub answered HTTP 200 with no JSON object; nothing concluded"])
        }
        // A field of another type than the Hub's is no answer: `"private": "yes"` is not "not private".
        let expected: [(key: String, fits: (Any) -> Bool)] = [
            ("sha", { $0 is String }), ("private", { $0 is Bool }), ("disabled", { $0 is Bool }),
            // `gated` is false or the approval mode ("auto", "manual"); `true` is not the Hub's.
            ("gated", { ($0 as? Bool) == false || $0 is String }), ("siblings", { $0 is [[String: Any]] }),
        ]
        if let odd = expected.first(where: { field in info[field.key].map { !($0 is NSNull) && !field.fits($0) } ?? false }) {
            return SourceCheck(source: source, status: nil,
                               findings: findings + ["the Hub answered HTTP 200 with `\(odd.key)` of an unexpected type; nothing concluded"])
        }
        let sha = info["sha"] as? String
        var drifted = renamed
        let status: AvailabilityStatus
        if info["disabled"] as? Bool == true {
            status = .withdrawn
            findings.append("disabled on the Hub")
        } else if let gated = info["gated"] as? String {
            status = .gated
            findings.append("gated on the Hub (\(gated) approval)")
        } else if info["private"] as? Bool == true {
            status = .private
            findings.append("private on the Hub")
        } else {
            status = .open
        }
        if let sha, !HuggingFaceSnapshot.isCommit(hub.revision) {
            findings.append("revision \(hub.revision) now points at commit \(sha)")
        } else if let sha, sha != hub.revision {
            findings.append("the Hub answers commit \(sha) for revision \(hub.revision)")
            drifted = true
        }
        if let hubLicense = Self.license(in: info), let recorded = subject.license {
            if hubLicense.lowercased() != recorded.lowercased() {
                findings.append("license drift: recorded \(recorded), the Hub now says \(hubLicense)")
                drifted = true
            }
        } else if let hubLicense = Self.license(in: info) {
            findings.append("license on the Hub: \(hubLicense) (none recorded)")
        }
        guard subject.files.isEmpty || info["siblings"] != nil else {
            return SourceCheck(source: source, status: nil,
                               findings: findings + ["the Hub answered HTTP 200 without `siblings`; nothing concluded"])
        }
        guard let bytes = compareFiles(subject.files, siblings: info["siblings"] as? [[String: Any]] ?? []) else {
            return SourceCheck(source: source, status: nil,
                               findings: findings + ["the Hub answered HTTP 200 with a file entry of an unexpected type; nothing concluded"])
        }
        findings += bytes.findings
        drifted = drifted || bytes.drifted
        return SourceCheck(source: source, status: status, findings: findings, observation: observed(nil, sha), drifted: drifted)
    }

    /// Each recorded file against the Hub's `siblings` at that revision: LFS files by
    /// `lfs.sha256`, others by `blobId` (the git blob SHA-1) when the ledger kept one.
    /// Nil when an entry of a recorded file has `lfs` or `blobId` of another type than the
    /// Hub's: such an answer says nothing about the bytes.
    private func compareFiles(_ files: [UpstreamSubject.File], siblings: [[String: Any]]) -> (findings: [String], drifted: Bool)? {
        guard !files.isEmpty else { return ([], false) }
        var byName: [String: [String: Any]] = [:]
        for sibling in siblings { if let name = sibling["rfilename"] as? String { byName[name] = sibling } }
        for file in files {
            guard let sibling = byName[file.path] else { continue }
            if let lfs = sibling["lfs"], !(lfs is NSNull), !((lfs as? [String: Any])?["sha256"] is String) { return nil }
            if let blob = sibling["blobId"], !(blob is NSNull), !(blob is String) { return nil }
        }
        var findings: [String] = []
        var matching = 0
        var uncomparable = 0
        for file in files {
            guard let sibling = byName[file.path] else {
                findings.append("missing on the Hub: \(file.path)")
                continue
            }
            if let lfs = sibling["lfs"] as? [String: Any], let sha256 = lfs["sha256"] as? String {
                if sha256 == file.sha256 { matching += 1 } else {
                    findings.append("differs on the Hub: \(file.path) (LFS SHA-256 \(sha256), recorded \(file.sha256))")
                }
            } else if let blobID = sibling["blobId"] as? String, let recorded = file.gitBlob {
                if blobID == recorded { matching += 1 } else {
                    findings.append("differs on the Hub: \(file.path) (git blob \(blobID), recorded \(recorded))")
                }
            } else {
                uncomparable += 1
            }
        }
        let drifted = !findings.isEmpty
        if !drifted {
            findings.append("bytes: \(matching) of \(files.count) recorded file\(files.count == 1 ? "" : "s") match the Hub"
                            + (uncomparable > 0 ? " (\(uncomparable) without a recorded git blob id, not compared)" : ""))
        }
        return (findings, drifted)
    }

    /// `cardData.license` (with `license_name` for `other`), else the `license:` tag.
    static func license(in info: [String: Any]) -> String? {
        let card = info["cardData"] as? [String: Any]
        var license = card?["license"] as? String ?? (card?["license"] as? [String])?.joined(separator: " OR ")
        if license == "other", let name = card?["license_name"] as? String {
            license = ModelCard(license: "other", licenseName: name).ledgerLicense
        }
        if license == nil, let tags = info["tags"] as? [String] {
            license = tags.first { $0.hasPrefix("license:") }.map { String($0.dropFirst("license:".count)) }
        }
        return license
    }

    /// The repo a 3xx renames `hub` to, or nil when it is not a rename and is not followed:
    /// only the same origin (scheme, host and port, so the token goes nowhere else) and the
    /// info path of another repo at the same revision (not any path, not another revision).
    static func renamedRepo(_ next: URL, asked: URL, hub: UpstreamSubject.HubOrigin) -> String? {
        guard next.scheme?.lowercased() == asked.scheme?.lowercased(), next.host?.lowercased() == asked.host?.lowercased(),
              next.port == asked.port else { return nil }
        let parts = next.path.split(separator: "/").map(String.init)
        guard let api = parts.firstIndex(of: "api"), api + 1 < parts.count, parts[api + 1] == hub.type,
              let revision = parts.lastIndex(of: "revision"), revision == parts.count - 2,
              parts[revision + 1] == hub.revision,
              let repo = repo(inAPIPath: next.path, type: hub.type), !repo.isEmpty, repo != hub.repo
        else { return nil }
        return repo
    }

    /// `/api/models/ORG/NAME/revision/REV` → `ORG/NAME`.
    static func repo(inAPIPath path: String, type: String) -> String? {
        let parts = path.split(separator: "/").map(String.init)
        guard let api = parts.firstIndex(of: "api"), api + 3 < parts.count, parts[api + 1] == type else { return nil }
        let rest = parts[(api + 2)...]
        let end = rest.firstIndex(of: "revision") ?? rest.endIndex
        return rest[rest.startIndex..<end].joined(separator: "/").removingPercentEncoding
    }

    // MARK: URLs

    private func checkURL(_ subject: UpstreamSubject, _ source: UpstreamSubject.URLSource) -> SourceCheck {
        let text = source.url
        guard let url = URL(string: text) else {
            return SourceCheck(source: text, status: nil, findings: ["not a URL"])
        }
        let answer: HTTPClient.Response
        switch SourceProbe(client: client).ask(url) {
        case .unreachable(let reason):
            return SourceCheck(source: text, status: nil, findings: ["\(text) could not be reached: \(reason); nothing concluded"],
                               reached: false)
        case .response(let response): answer = response
        }
        let observation = UpstreamObservation(place: .url, url: text, httpStatus: answer.status, errorCode: nil, observedAt: now, commit: nil)
        switch answer.status {
        case 200..<300:
            var findings = ["answers HTTP \(answer.status) to HEAD"]
            var drifted = false
            if let then = source.responseWhenTracked {
                let now = SourceProbe.response(text, answer, at: self.now)
                func compare(_ label: String, _ old: String?, _ new: String?) {
                    guard let old, old != new else { return }
                    findings.append("\(label) changed since tracked (\(String(then.observedAt.prefix(10)))): \(old) → \(new ?? "absent")")
                    drifted = true
                }
                compare("ETag", then.etag, now.etag)
                compare("Last-Modified", then.lastModified, now.lastModified)
                compare("Content-Length", then.contentLength.map(String.init), now.contentLength.map(String.init))
            }
            return SourceCheck(source: text, status: .open, findings: findings, observation: observation, drifted: drifted)
        case 300..<400:
            let location = answer.headers["location"] ?? "?"
            return SourceCheck(source: text, status: .open, findings: ["redirects (HTTP \(answer.status)) to \(location)"],
                               observation: observation)
        case 404, 410:
            return SourceCheck(source: text, status: .withdrawn, findings: ["gone: HTTP \(answer.status)"], observation: observation)
        case 403, 405, 501:
            return SourceCheck(source: text, status: nil, findings: [
                "answers HTTP \(answer.status) to HEAD; no GET is sent, since its body could not be bounded; nothing concluded"])
        default:
            return SourceCheck(source: text, status: nil, findings: ["answers HTTP \(answer.status); nothing concluded"])
        }
    }

    // MARK: Conclusions

    private func result(_ subject: UpstreamSubject, source: String, status: AvailabilityStatus?, findings: [String],
                        observation: UpstreamObservation?, state: UpstreamResult.State) -> UpstreamResult {
        UpstreamResult(digest: subject.digest, name: subject.name, source: source, state: state, status: status,
                       recordedStatus: subject.current, findings: findings, observation: observation, recorded: nil)
    }
}
