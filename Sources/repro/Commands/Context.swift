import ArgumentParser
import Foundation
import ReproKit

/// The directory the user ran `repro` in.
var currentDirectory: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true) }

/// Options every reading command shares.
struct OutputOptions: ParsableArguments {
    @Flag(help: "Print one JSON document on stdout instead of text.")
    var json = false
}

extension Console {
    /// Prints the value as JSON or as text.
    static func emit<T: Encodable>(_ value: T, json: Bool, text: (T) -> String) throws {
        out(json ? try JSONOutput.encode(value) : text(value))
    }
}
