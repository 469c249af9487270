import CFuzzerDriver
import Foundation
import LedgerReport

/// Any text into the paper's parsers (`repro coverage` reads the paper, `repro disclaimer
/// --aux` its aux file): never a crash; every number read is plain text of bounded length,
/// and ordering the labels into ranges keeps every label or its number.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPaper(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    _ = LaTeXLabelScanner.scan(text)
    let numbers = LabelNumbers(aux: text)
    let labels = text.matches(of: /\\newlabel\{([^{}]*)\}/).map { String($0.1) }
    for label in labels {
        if let number = numbers[label], number.isEmpty || number.count > 16 || number.contains(where: { "{}\\".contains($0) }) {
            fatalError("label \(label.debugDescription) got the number \(number.debugDescription)")
        }
    }
    // Every label is in a run, or shares its number with one that is; none is made up.
    let runs = numbers.runs(labels)
    let kept = runs.flatMap { $0 }
    let keptNumbers = Set(kept.compactMap { numbers[$0] })
    guard Set(kept).isSubset(of: labels),
          labels.allSatisfy({ kept.contains($0) || numbers[$0].map(keptNumbers.contains) == true }) else {
        fatalError("runs \(runs) do not cover \(labels)")
    }
    return 0
}

var arguments = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&arguments, &argv, fuzzPaper))
