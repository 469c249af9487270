import Foundation
import Testing
import TestSupport

/// `repro upstream` against a real HTTP server on 127.0.0.1 answering as the Hub does
/// (status codes, X-Error-Code, X-Error-Message, 307 renames, 429, 5xx, slowness).
@Suite struct UpstreamCLITests {
    let repo: PaperRepository
    let hub: HubServer
    static let commit = "3333333333333333333333333333333333333333"
    /// Quick retries and timeouts so failing paths take a second, not a minute.
    var env: [String: String] {
        ["HF_ENDPOINT": hub.endpoint, "REPRO_HTTP_TIMEOUT": "1", "REPRO_HTTP_BACKOFF": "0.05", "HF_HOME": hub.folder.child("hf-home"),
         "HF_TOKEN": ""]
    }

    init() throws {
        repo = try PaperRepository()
        hub = try HubServer()
        try repo.repro("init")
    }

    /// Tracks a real cache snapshot of `id` with a card giving `license`.
    @discardableResult
    func track(_ id: String, license: String = "mit") throws -> HubCacheSnapshot {
        let snap = try HubCacheSnapshot(in: repo.folder, repo: id, commit: Self.commit, files: [
            ("config.json", Array("{\"id\": \"\(id)\"}\n".utf8), false),
            ("model.safetensors", deterministicBytes(count: 2048, seed: UInt64(id.utf8.count)), true),
            ("README.md", Array("---\nlicense: \(license)\n---\n".utf8), false),
        ])
        let tracked = try repo.repro("track", snap.path, "--kind", "checkpoint", environment: env)
        try #require(tracked.status == 0, "\(tracked.stderr)")
        return snap
    }

    static func path(_ id: String, revision: String = commit) -> String { "GET /api/models/\(id)/revision/\(revision)?blobs=true" }

    /// The `model_info` JSON the Hub returns for the snapshot, with `blobs=true` siblings.
    static func info(_ snap: HubCacheSnapshot, license: String = "mit", gated: Any = false, changing: String? = nil) -> [String: Any] {
        let siblings: [[String: Any]] = snap.blobNames.sorted { $0.key < $1.key }.map { file, blob in
            if blob.count == 64 {
                return ["rfilename": file, "blobId": "0123456789abcdef0123456789abcdef01234567", "size": 2048,
                        "lfs": ["sha256": file == changing ? String(repeating: "e", count: 64) : blob, "size": 2048, "pointerSize": 134]]
            }
            return ["rfilename": file, "blobId": file == changing ? String(repeating: "f", count: 40) : blob, "size": 10]
        }
        return ["status": 200, "json": ["id": snap.repo, "sha": snap.commit, "private": false, "gated": gated, "disabled": false,
                                        "cardData": ["license": license], "tags": ["license:\(license)"], "siblings": siblings]]
    }

    func upstream(_ arguments: String..., environment: [String: String] = [:]) throws -> Subprocess.Result {
        try ReproBinary.run(["upstream"] + arguments, in: repo.path,
                            environment: PaperRepository.environment.merging(env) { $1 }.merging(environment) { $1 })
    }

    @Test func nothingChangedIsExitZeroAndOnlyRepoIdsAndRevisionsAreSent() throws {
        let snap = try track("org/open")
        try hub.set([Self.path("org/open"): Self.info(snap)])
        let before = try repo.ledgerSnapshot()
        let result = try upstream()
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            unchanged   org/open  huggingface:org/open@\(Self.commit)  open
                bytes: 3 of 3 recorded files match the Hub
            1 unchanged

            """)
        #expect(try repo.ledgerSnapshot() == before)
        let withToken = try upstream(environment: ["HF_TOKEN": "hf_secret"])
        #expect(withToken.status == 0)
        let requests = try hub.requests()
        #expect(requests.map { $0["path"] as? String } == Array(repeating: "/api/models/org/open/revision/\(Self.commit)?blobs=true", count: 2))
        #expect(requests[0]["authorization"] is NSNull)
        #expect(requests[1]["authorization"] as? String == "Bearer hf_secret")
        // The token file of huggingface_hub is read when HF_TOKEN is not set.
        try hub.folder.write("hf-home/token", "hf_from_file\n")
        _ = try upstream(environment: ["HF_TOKEN": ""])
        #expect(try hub.requests().last?["authorization"] as? String == "Bearer hf_from_file")
        // HF_TOKEN_PATH with a leading ~ is under $HOME, as huggingface_hub expands it.
        try hub.folder.write("home/tokens/hf", "hf_from_home\n")
        _ = try upstream(environment: ["HF_TOKEN": "", "HOME": hub.folder.child("home"), "HF_TOKEN_PATH": "~/tokens/hf"])
        #expect(try hub.requests().last?["authorization"] as? String == "Bearer hf_from_home")
        // Nothing listening: unreachable, exit 3, nothing recorded.
        let refused = try upstream("--record", environment: ["HF_ENDPOINT": "http://127.0.0.1:1"])
        #expect(refused.status == 3)
        #expect(refused.stdout.hasPrefix("unreachable org/open  huggingface:org/open@\(Self.commit)  not concluded\n    the Hub could not be reached: "))
        #expect(try repo.ledgerSnapshot() == before)
    }

    @Test func everyKindOfDriftIsReportedAndRecordedOnce() throws {
        let gated = try track("org/gated")
        try track("org/gone")
        try track("org/forced")
        try track("org/disabled")
        let renamed = try track("org/renamed")
        let relicensed = try track("org/relicensed")
        let rewritten = try track("org/rewritten")
        try hub.set([
            Self.path("org/gated"): ["status": 403, "headers": ["X-Error-Code": "GatedRepo",
                                     "X-Error-Message": "Access to model org/gated is restricted and you are not in the authorized list."]],
            Self.path("org/gone"): ["status": 404, "headers": ["X-Error-Code": "RepoNotFound"]],
            Self.path("org/forced"): ["status": 404, "headers": ["X-Error-Code": "RevisionNotFound"]],
            Self.path("org/disabled"): ["status": 403, "headers": ["X-Error-Message": "Access to this resource is disabled."]],
            Self.path("org/renamed"): ["status": 307, "headers": ["Location": "/api/models/new-org/renamed/revision/\(Self.commit)?blobs=true"],
                                       "body": "Temporary Redirect."],
            Self.path("new-org/renamed"): Self.info(renamed),
            Self.path("org/relicensed"): Self.info(relicensed, license: "apache-2.0"),
            Self.path("org/rewritten"): Self.info(rewritten, changing: "config.json"),
        ])
        _ = gated
        let before = try repo.ledgerSnapshot()
        let result = try upstream()
        #expect(result.status == 1, "\(result.stderr)")
        let c = Self.commit
        let expected = """
            drift       org/disabled  huggingface:org/disabled@\(c)  withdrawn
                status: the ledger says open, now withdrawn
                disabled on the Hub (HTTP 403, "Access to this resource is disabled.")
            drift       org/forced  huggingface:org/forced@\(c)  withdrawn
                status: the ledger says open, now withdrawn
                revision \(c) is no longer published on the Hub (HTTP 404, RevisionNotFound); the repo exists but these bytes cannot be downloaded at that revision
            drift       org/gated  huggingface:org/gated@\(c)  gated
                status: the ledger says open, now gated
                gated on the Hub (HTTP 403, GatedRepo)
            drift       org/gone  huggingface:org/gone@\(c)  withdrawn
                status: the ledger says open, now withdrawn
                not found on the Hub (HTTP 404, RepoNotFound)
            drift       org/relicensed  huggingface:org/relicensed@\(c)  open
                license drift: recorded mit, the Hub now says apache-2.0
                bytes: 3 of 3 recorded files match the Hub
            drift       org/renamed  huggingface:org/renamed@\(c)  open
                renamed: the Hub redirects org/renamed to new-org/renamed (HTTP 307)
                bytes: 3 of 3 recorded files match the Hub
            drift       org/rewritten  huggingface:org/rewritten@\(c)  open
                differs on the Hub: config.json (git blob ffffffffffffffffffffffffffffffffffffffff, recorded \(rewritten.blobNames["config.json"]!))
            7 drift

            """
        #expect(result.stdout == expected)
        #expect(try repo.ledgerSnapshot() == before, "upstream without --record changed the ledger")

        let json = try upstream("--json")
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let artifacts = try #require(object["artifacts"] as? [[String: Any]])
        #expect(artifacts.count == 7)
        let gatedJSON = try #require(artifacts.first { $0["name"] as? String == "org/gated" })
        #expect(gatedJSON["status"] as? String == "gated")
        #expect(gatedJSON["recordedStatus"] as? String == "open")
        #expect(gatedJSON["state"] as? String == "drift")
        let observation = try #require(gatedJSON["observation"] as? [String: Any])
        #expect(observation["httpStatus"] as? Int == 403)
        #expect(observation["errorCode"] as? String == "GatedRepo")
        #expect(observation["url"] as? String == "\(hub.endpoint)/api/models/org/gated/revision/\(c)?blobs=true")

        let recorded = try upstream("--record")
        #expect(recorded.status == 1)
        let written = Set(try repo.ledgerSnapshot().keys).subtracting(before.keys)
        #expect(written.count == 4, "\(written.sorted())")
        #expect(written.allSatisfy { $0.hasPrefix("main/events/") })
        #expect(recorded.stdout.components(separatedBy: "    recorded ledgers/main/events/").count == 5)
        let afterRecord = try repo.ledgerSnapshot()
        let again = try upstream("--record")
        #expect(try repo.ledgerSnapshot() == afterRecord, "a rerun with nothing new recorded something")
        #expect(again.stdout.contains("unchanged   org/gated  huggingface:org/gated@\(c)  gated\n    gated on the Hub (HTTP 403, GatedRepo)\n"))
        let event = try #require(afterRecord.first { $0.key.hasPrefix("main/events/") && String(decoding: $0.value, as: UTF8.self).contains("GatedRepo") })
        let eventText = String(decoding: event.value, as: UTF8.self)
        #expect(eventText.contains("\"errorCode\" : \"GatedRepo\""))
        #expect(eventText.contains("\"httpStatus\" : 403"))
        #expect(eventText.contains("\"status\" : \"gated\""))

        let shown = try repo.repro("show", "org/gated")
        #expect(shown.stdout.contains("gated"))
        #expect(try repo.repro("tag", "finetune", "--uses", "org/gated").status == 0)
        let statement = try repo.repro("disclaimer", "--format", "text")
        #expect(statement.stdout.replacingOccurrences(of: "\n", with: " ").contains(
            "access to org/gated is gated: downloading it requires an approved access request, as observed on the Hugging Face Hub (HTTP 403, GatedRepo)."),
            "\(statement.stdout)")
    }

    @Test func unauthorisedAnswersAreNeverTakenAsWithdrawn() throws {
        try track("org/private")
        try track("org/gated-anon")
        try hub.set([
            Self.path("org/private"): ["status": 401, "headers": ["X-Error-Message": "Invalid username or password."],
                                       "token": "hf_ok", "unauthorized": ["status": 401, "body": "Invalid username or password."]],
            Self.path("org/gated-anon"): ["status": 401, "headers": ["X-Error-Code": "GatedRepo"]],
        ])
        let anonymous = try upstream()
        #expect(anonymous.stdout == """
            drift       org/gated-anon  huggingface:org/gated-anon@\(Self.commit)  gated
                status: the ledger says open, now gated
                gated on the Hub (HTTP 401, GatedRepo); no token was sent (set HF_TOKEN)
            unknown     org/private  huggingface:org/private@\(Self.commit)  not concluded
                the Hub answers HTTP 401 for private, gated and missing repos alike and no token was sent (set HF_TOKEN or log in with the Hugging Face CLI); nothing concluded
            1 drift, 1 unknown

            """)
        #expect(anonymous.status == 1)
        let before = try repo.ledgerSnapshot()
        let withToken = try upstream("org/private", "--record", environment: ["HF_TOKEN": "hf_ok"])
        #expect(withToken.stdout.hasPrefix("drift       org/private  huggingface:org/private@\(Self.commit)  private\n"))
        #expect(withToken.stdout.contains("    private or not visible to this token (HTTP 401)\n"))
        #expect(try repo.ledgerSnapshot().count == before.count + 1)
    }

    @Test func retriesBackOffAndTimeOutsConcludeNothing() throws {
        let flaky = try track("org/flaky")
        let limited = try track("org/limited")
        try track("org/down")
        try track("org/slow")
        try hub.set([
            Self.path("org/flaky"): ["sequence": [["status": 500, "body": "oops"], Self.info(flaky)]],
            Self.path("org/limited"): ["sequence": [["status": 429, "headers": ["Retry-After": "1"]], Self.info(limited)]],
            Self.path("org/down"): ["status": 503, "body": "down"],
            Self.path("org/slow"): ["status": 200, "delay": 3, "json": [:]],
        ])
        let before = try repo.ledgerSnapshot()
        let started = Date()
        let result = try upstream("--record")
        let elapsed = Date().timeIntervalSince(started)
        #expect(result.status == 3, "\(result.stdout)\(result.stderr)")
        let c = Self.commit
        #expect(result.stdout == """
            unreachable org/down  huggingface:org/down@\(c)  not concluded
                the Hub could not be reached: HTTP 503 after 3 attempts; nothing concluded
            unchanged   org/flaky  huggingface:org/flaky@\(c)  open
                bytes: 3 of 3 recorded files match the Hub
            unchanged   org/limited  huggingface:org/limited@\(c)  open
                bytes: 3 of 3 recorded files match the Hub
            unreachable org/slow  huggingface:org/slow@\(c)  not concluded
                the Hub could not be reached: timed out (3 attempts); nothing concluded
            2 unchanged, 2 unreachable

            """)
        #expect(try repo.ledgerSnapshot() == before)
        let paths = try hub.requests().compactMap { $0["path"] as? String }
        #expect(paths.filter { $0.contains("org/limited") }.count == 2)
        #expect(paths.filter { $0.contains("org/flaky") }.count == 2)
        #expect(paths.filter { $0.contains("org/down") }.count == 3)
        #expect(elapsed < 20, "took \(elapsed) s")
    }

    /// An answer is kept up to 16 MiB and a larger one is not asked again: a body declared
    /// larger, or one of unstated length that grows past it, or a compressed one (a gzip
    /// bomb: none was asked for), concludes nothing and records nothing. A probe of a URL
    /// is a HEAD, so no body comes with it.
    @Test func hugeAndCompressedAnswersAreNeverReadWhole() throws {
        try track("org/huge")
        try track("org/bomb")
        try track("org/endless")
        try hub.set([
            Self.path("org/huge"): ["status": 200, "filler": 64 << 20],
            Self.path("org/bomb"): ["status": 200, "gzip_filler": 64 << 20],
            Self.path("org/endless"): ["status": 200, "filler": 64 << 20, "no_length": true],
        ])
        let before = try repo.ledgerSnapshot()
        let result = try upstream("--record")
        let c = Self.commit
        #expect(result.stdout == """
            unreachable org/bomb  huggingface:org/bomb@\(c)  not concluded
                the Hub could not be reached: the answer was compressed (Content-Encoding: gzip) though none was asked for, so it was not read; nothing concluded
            unreachable org/endless  huggingface:org/endless@\(c)  not concluded
                the Hub could not be reached: the answer was larger than 16 MiB, so it was not read; nothing concluded
            unreachable org/huge  huggingface:org/huge@\(c)  not concluded
                the Hub could not be reached: the answer was larger than 16 MiB, so it was not read; nothing concluded
            3 unreachable

            """)
        #expect(result.status == 3, "\(result.stderr)")
        #expect(try repo.ledgerSnapshot() == before)
        let paths = try hub.requests().compactMap { $0["path"] as? String }
        #expect(paths.filter { $0.contains("org/huge") }.count == 1)
        #expect(paths.filter { $0.contains("org/bomb") }.count == 1)
        #expect(paths.filter { $0.contains("org/endless") }.count == 1)
        // None was asked compressed.
        #expect(try hub.requests().allSatisfy { $0["accept_encoding"] as? String == "identity" })
    }

    /// A 3xx is followed once, and only as a rename: to the same scheme, host and port (where
    /// the token may go) and to another repo's info path at the same revision.
    @Test func onlyASameOriginRenameIsFollowed() throws {
        let c = Self.commit
        let target = try track("org/moved")
        try track("org/elsewhere")
        try track("org/anypath")
        try track("org/otherrev")
        try hub.set([
            Self.path("org/moved"): ["status": 307, "headers": ["Location": "/api/models/new/moved/revision/\(c)?blobs=true"]],
            Self.path("new/moved"): Self.info(target),
            Self.path("org/elsewhere"): ["status": 307, "headers": ["Location": "http://127.0.0.1:1/api/models/new/elsewhere/revision/\(c)?blobs=true"]],
            Self.path("org/anypath"): ["status": 302, "headers": ["Location": "/whatever"]],
            Self.path("org/otherrev"): ["status": 307, "headers": ["Location": "/api/models/new/otherrev/revision/main?blobs=true"]],
        ])
        let result = try upstream(environment: ["HF_TOKEN": "hf_secret"])
        #expect(result.stdout == """
            unknown     org/anypath  huggingface:org/anypath@\(c)  not concluded
                the Hub answered HTTP 302; nothing concluded
            unknown     org/elsewhere  huggingface:org/elsewhere@\(c)  not concluded
                the Hub answered HTTP 307; nothing concluded
            drift       org/moved  huggingface:org/moved@\(c)  open
                renamed: the Hub redirects org/moved to new/moved (HTTP 307)
                bytes: 3 of 3 recorded files match the Hub
            unknown     org/otherrev  huggingface:org/otherrev@\(c)  not concluded
                the Hub answered HTTP 307; nothing concluded
            1 drift, 3 unknown

            """)
        let paths = try hub.requests().compactMap { $0["path"] as? String }
        #expect(paths.filter { !$0.contains("org/") && !$0.contains("new/moved") }.isEmpty, "\(paths)")
        // Nothing concluded is not success: a CI gate must not pass on an answer that checked nothing.
        let unconcluded = try upstream("org/anypath")
        #expect(unconcluded.status == 3, "\(unconcluded.stdout)")
        #expect(unconcluded.stdout.hasSuffix("1 unknown\n"))
    }

    /// A field of another type than the Hub's, or a file list left out, concludes nothing:
    /// not "open", not "files missing".
    @Test func aFieldOfTheWrongTypeConcludesNothing() throws {
        let snap = try track("org/odd")
        var info = Self.info(snap)
        var json = info["json"] as! [String: Any]
        json["private"] = "yes"
        info["json"] = json
        let gatedTrue = try track("org/gated-true")
        var gated = Self.info(gatedTrue)
        var gatedJSON = gated["json"] as! [String: Any]
        gatedJSON["gated"] = true
        gated["json"] = gatedJSON
        let listless = try track("org/listless")
        var noSiblings = Self.info(listless)
        var noSiblingsJSON = noSiblings["json"] as! [String: Any]
        noSiblingsJSON.removeValue(forKey: "siblings")
        noSiblings["json"] = noSiblingsJSON
        let oddBlob = try track("org/odd-blob")
        var blob = Self.info(oddBlob)
        var blobJSON = blob["json"] as! [String: Any]
        blobJSON["siblings"] = (blobJSON["siblings"] as! [[String: Any]]).map { sibling in
            var sibling = sibling
            if sibling["lfs"] != nil { sibling["lfs"] = "x" } else { sibling["blobId"] = 7 }
            return sibling
        }
        blob["json"] = blobJSON
        try hub.set([Self.path("org/odd"): info, Self.path("org/gated-true"): gated, Self.path("org/listless"): noSiblings,
                     Self.path("org/odd-blob"): blob])
        let before = try repo.ledgerSnapshot()
        let result = try upstream("--record")
        let c = Self.commit
        #expect(result.stdout == """
            unknown     org/gated-true  huggingface:org/gated-true@\(c)  not concluded
                the Hub answered HTTP 200 with `gated` of an unexpected type; nothing concluded
            unknown     org/listless  huggingface:org/listless@\(c)  not concluded
                the Hub answered HTTP 200 without `siblings`; nothing concluded
            unknown     org/odd  huggingface:org/odd@\(c)  not concluded
                the Hub answered HTTP 200 with `private` of an unexpected type; nothing concluded
            unknown     org/odd-blob  huggingface:org/odd-blob@\(c)  not concluded
                the Hub answered HTTP 200 with a file entry of an unexpected type; nothing concluded
            4 unknown

            """)
        #expect(result.status == 3)
        #expect(try repo.ledgerSnapshot() == before)
    }

    /// What a server says is printed with its control characters escaped, never raw.
    @Test func aServersControlCharactersNeverReachTheTerminal() throws {
        let snap = try track("org/ansi")
        var info = Self.info(snap)
        var json = info["json"] as! [String: Any]
        json["cardData"] = ["license": "mit\u{1B}[31m\u{1B}]0;pwned\u{07}"]
        info["json"] = json
        try track("org/ansi-code")
        try hub.set([Self.path("org/ansi"): info,
                     Self.path("org/ansi-code"): ["status": 404, "headers": ["X-Error-Code": "Repo\u{1B}[2JNotFound"]]])
        let before = try repo.ledgerSnapshot()
        let result = try upstream("--record")
        #expect(!result.stdout.contains("\u{1B}") && !result.stdout.contains("\u{07}"), "\(result.stdout)")
        #expect(result.stdout.contains(#"license drift: recorded mit, the Hub now says mit\033[31m\033]0;pwned\007"#), "\(result.stdout)")
        // An error code that is not a word is neither quoted nor kept as evidence.
        #expect(result.stdout.contains("    not found on the Hub (HTTP 404)\n"), "\(result.stdout)")
        let after = try repo.ledgerSnapshot()
        let added = after.keys.filter { before[$0] == nil }
        try #require(added.count == 1, "\(added)")
        let event = String(decoding: after[added[0]]!, as: UTF8.self)
        #expect(event.contains("\"status\" : \"withdrawn\"") && !event.contains("errorCode") && !event.contains("\\u001b"), "\(event)")
    }

    /// Every source is asked, and one gone is not the artifact withdrawn: withdrawn only when
    /// every source says so, nothing concluded when one could not be asked.
    @Test func everySourceIsAskedAndOneMirrorGoneIsNotWithdrawn() throws {
        try hub.set([
            "HEAD /a.bin": ["status": 404], "HEAD /b.bin": ["status": 200, "headers": ["ETag": "\"b\""]],
            "HEAD /c.bin": ["status": 404], "HEAD /d.bin": ["status": 410],
            "HEAD /e.bin": ["status": 404],
        ])
        let e = hub.endpoint
        for (name, urls) in [("mirrored", ["\(e)/a.bin", "\(e)/b.bin"]), ("gone", ["\(e)/c.bin", "\(e)/d.bin"]),
                             ("half-asked", ["\(e)/e.bin", "http://127.0.0.1:1/f.bin"])] {
            try repo.folder.write("data/\(name).bin", "\(name)\n")
            let tracked = try repo.repro(["track", "data/\(name).bin", "--name", name, "--kind", "dataset", "--license", "MIT"]
                                         + urls.flatMap { ["--source", $0] }, environment: env)
            try #require(tracked.status == 0, "\(tracked.stderr)")
        }
        let before = try repo.ledgerSnapshot()
        let result = try upstream("--record")
        // One event: `gone`'s. Neither the mirrored artifact nor the half-asked one is withdrawn.
        let after = try repo.ledgerSnapshot()
        let added = after.keys.filter { before[$0] == nil }
        try #require(added.count == 1, "\(added)")
        let event = String(decoding: after[added[0]]!, as: UTF8.self)
        #expect(event.contains("\"status\" : \"withdrawn\""), "\(event)")
        #expect(event.contains("\"evidence\" : \"\(e)/c.bin\""), "\(event)")
        #expect(result.stdout == """
            drift       gone  \(e)/c.bin, \(e)/d.bin  withdrawn
                status: the ledger says open, now withdrawn
                \(e)/c.bin: withdrawn
                  gone: HTTP 404
                \(e)/d.bin: withdrawn
                  gone: HTTP 410
                recorded ledgers/\(added[0])
            unreachable half-asked  \(e)/e.bin, http://127.0.0.1:1/f.bin  not concluded
                \(e)/e.bin: withdrawn
                  gone: HTTP 404
                http://127.0.0.1:1/f.bin: not concluded
                  http://127.0.0.1:1/f.bin could not be reached: connection refused (3 attempts); nothing concluded
                no source serves it and not every source gave an answer, so nothing is concluded
            unchanged   mirrored  \(e)/a.bin, \(e)/b.bin  open
                \(e)/a.bin: withdrawn
                  gone: HTTP 404
                \(e)/b.bin: open
                  answers HTTP 200 to HEAD
            1 unchanged, 1 drift, 1 unreachable

            """)
        #expect(result.status == 1, "\(result.stderr)")
    }

    @Test func urlSourcesAndOfflineMode() throws {
        var routes: [String: Any] = [
            "HEAD /files/ok.tar": ["status": 200, "headers": ["ETag": "\"abc\"", "Last-Modified": "Wed, 01 Jan 2025 00:00:00 GMT"]],
            "HEAD /files/gone.tar": ["status": 404],
            "HEAD /files/deleted.tar": ["status": 410],
            "HEAD /files/nohead.tar": ["status": 405],
            "GET /files/nohead.tar": ["status": 200, "filler": 64 << 20],
        ]
        try hub.set(routes)
        for (name, file) in [("ok-data", "ok.tar"), ("gone-data", "gone.tar"), ("deleted-data", "deleted.tar"), ("nohead-data", "nohead.tar")] {
            try repo.folder.write("data/\(file)", "\(name)\n")
            let tracked = try repo.repro("track", "data/\(file)", "--name", name, "--kind", "dataset", "--license", "MIT",
                                         "--source", "\(hub.endpoint)/files/\(file)", "--json", environment: env)
            try #require(tracked.status == 0, "\(tracked.stderr)")
            let record = try String(contentsOfFile: repo.folder.child(try #require(
                (try JSONSerialization.jsonObject(with: Data(tracked.stdout.utf8)) as? [String: Any])?["record"] as? String)), encoding: .utf8)
            // Reachable sources have their headers recorded at track time; the others do not, and track still succeeds.
            #expect(record.contains("\"sourceResponses\"") == (file == "ok.tar"), "\(file): \(record)")
            if file == "ok.tar" { #expect(record.contains("\"etag\" : \"\\\"abc\\\"\"")) }
        }
        let result = try upstream()
        #expect(result.status == 1)
        let e = hub.endpoint
        #expect(result.stdout == """
            drift       deleted-data  \(e)/files/deleted.tar  withdrawn
                status: the ledger says open, now withdrawn
                gone: HTTP 410
            drift       gone-data  \(e)/files/gone.tar  withdrawn
                status: the ledger says open, now withdrawn
                gone: HTTP 404
            unknown     nohead-data  \(e)/files/nohead.tar  not concluded
                answers HTTP 405 to HEAD; no GET is sent, since its body could not be bounded; nothing concluded
            unchanged   ok-data  \(e)/files/ok.tar  open
                answers HTTP 200 to HEAD
            1 unchanged, 2 drift, 1 unknown

            """)
        // A URL source is only ever asked with HEAD: a GET's body could not be bounded.
        #expect(try hub.requests().allSatisfy { $0["method"] as? String == "HEAD" || !($0["path"] as? String ?? "").hasPrefix("/files/") })
        routes["HEAD /files/ok.tar"] = ["status": 200, "headers": ["ETag": "\"def\"", "Last-Modified": "Wed, 01 Jan 2025 00:00:00 GMT"]]
        try hub.set(routes)
        let changed = try upstream("ok-data")
        #expect(changed.status == 1)
        #expect(changed.stdout == """
            drift       ok-data  \(e)/files/ok.tar  open
                answers HTTP 200 to HEAD
                ETag changed since tracked (2026-01-01): "abc" → "def"
            1 drift

            """)

        let offline = try upstream(environment: ["HF_HUB_OFFLINE": "1"])
        #expect(offline.status == 3)
        #expect(offline.stdout == "")
        #expect(offline.stderr == "repro: error: HF_HUB_OFFLINE is set, so `repro upstream` asks nothing: it exists to ask the Hub and source URLs. Unset HF_HUB_OFFLINE to run it\n")
    }
}
