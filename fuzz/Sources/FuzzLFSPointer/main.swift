import CFuzzerDriver
import Foundation
import LedgerCore

/// Any bytes into the git-LFS pointer parser: never a crash, and a pointer it
/// accepts is small and has a size that is not negative.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLFSPointer(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: start, count: count))
    guard let pointer = LFSPointer(bytes) else { return 0 }
    if bytes.count > LFSPointer.maximumSize || pointer.size < 0 { fatalError("accepted an invalid pointer") }
    return 0
}

var arguments = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&arguments, &argv, fuzzLFSPointer))
