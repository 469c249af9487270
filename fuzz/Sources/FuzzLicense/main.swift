import CFuzzerDriver
import Foundation
import LedgerCore

/// Any text into the license-expression parser: never a crash, and the canonical
/// text of whatever parses parses back to the same expression.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLicense(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    guard let expression = try? LicenseExpression(parsing: text) else { return 0 }
    guard let again = try? LicenseExpression(parsing: expression.description), again == expression else {
        fatalError("\(expression.description.debugDescription) does not parse back to the same expression")
    }
    _ = expression.licenseIDs
    return 0
}

var arguments = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&arguments, &argv, fuzzLicense))
