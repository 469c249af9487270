import CFuzzerDriver
import Foundation
import LedgerCore

/// Any path into the Hugging Face cache-path parser: never a crash, and a path it
/// recognises names a known repository type and a non-empty revision.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHFSnapshot(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let path = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    guard let snapshot = HuggingFaceSnapshot(path: path) else { return 0 }
    if !["models", "datasets", "spaces"].contains(snapshot.repositoryType) || snapshot.revision.isEmpty {
        fatalError("recognised \(path.debugDescription) as \(snapshot)")
    }
    return 0
}

var arguments = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&arguments, &argv, fuzzHFSnapshot))
