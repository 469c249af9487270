import Foundation

/// The loopback Hub of `Tests/Fixtures/hub_server.py`, started on a free port for one test.
/// Routes live in a JSON file the server re-reads on every request; every request is logged.
public final class HubServer: @unchecked Sendable {
    public let folder: TemporaryFolder
    public let port: Int
    public var endpoint: String { "http://127.0.0.1:\(port)" }
    private let process: Process
    private var routesPath: String { folder.child("routes.json") }
    private var logPath: String { folder.child("requests.jsonl") }

    public init(routes: [String: Any] = [:]) throws {
        folder = try TemporaryFolder("hub")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/hub_server.py").path
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let portFile = folder.child("port")
        process.arguments = ["python3", script, folder.child("routes.json"), folder.child("requests.jsonl"), portFile]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try JSONSerialization.data(withJSONObject: routes).write(to: URL(fileURLWithPath: folder.child("routes.json")))
        try process.run()
        // The server writes its port to a file (renamed into place) once it listens.
        var port: Int?
        for _ in 0..<200 where port == nil {
            port = (try? String(contentsOfFile: portFile, encoding: .utf8)).flatMap { Int($0) }
            if port == nil { Thread.sleep(forTimeInterval: 0.05) }
        }
        guard let port else {
            process.terminate()
            throw SnapshotFixtureFailure(message: "hub_server.py did not start within 10 s")
        }
        self.port = port
    }

    deinit {
        kill(process.processIdentifier, SIGKILL)
    }

    /// Replaces every route: `"GET /path?query"` → response description (see hub_server.py).
    public func set(_ routes: [String: Any]) throws {
        let data = try JSONSerialization.data(withJSONObject: routes)
        let staging = routesPath + ".new"
        try data.write(to: URL(fileURLWithPath: staging))
        // rename(2): the server never reads a half-written file.
        guard rename(staging, routesPath) == 0 else { throw SnapshotFixtureFailure(message: "cannot replace \(routesPath)") }
    }

    /// The requests received so far, oldest first.
    public func requests() throws -> [[String: Any]] {
        guard let text = try? String(contentsOfFile: logPath, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] ?? [:]
        }
    }
}
