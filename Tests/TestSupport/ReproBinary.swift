import Foundation

/// Locates the `repro` executable SwiftPM built next to the test bundle.
public enum ReproBinary {
    public static var path: String {
        if let override = ProcessInfo.processInfo.environment["REPRO_BIN"] { return override }
        // The test bundle lives in the products folder, beside the executable.
        let bundleFolder = Bundle.main.bundleURL.deletingLastPathComponent()
        for candidate in [Bundle.main.bundleURL, bundleFolder] {
            let binary = candidate.appendingPathComponent("repro").path
            if FileManager.default.isExecutableFile(atPath: binary) { return binary }
        }
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" {
            let binary = folder.appendingPathComponent(".build/debug/repro").path
            if FileManager.default.isExecutableFile(atPath: binary) { return binary }
            folder.deleteLastPathComponent()
        }
        return "repro"
    }

    /// Runs `repro` with `arguments` in `directory`.
    @discardableResult
    public static func run(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> Subprocess.Result {
        try Subprocess.run([path] + arguments, in: directory, environment: environment)
    }
}
