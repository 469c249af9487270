import CFuzzerDriver
import Foundation
import LedgerCore

/// Any bytes into the index's fast artifact reader: never a crash, and whatever it reads is
/// exactly what `JSONDecoder` reads from the same bytes (it may only give up, never differ).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzArtifactReader(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    guard let fast = ArtifactJSONReader.record(bytes) else { return 0 }
    guard let decoded = try? JSONDecoder().decode(ArtifactRecord.self, from: Data(bytes)) else {
        fatalError("the reader read a record JSONDecoder refuses")
    }
    guard decoded == fast else { fatalError("the reader and JSONDecoder read different records") }
    return 0
}

var arguments = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&arguments, &argv, fuzzArtifactReader))
