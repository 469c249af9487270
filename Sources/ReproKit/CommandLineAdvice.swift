import LedgerCore

/// The message `repro` prints for an error: the library's own words, plus the command to
/// type next where only the command line knows it (LedgerCore names no flags).
public enum CommandLineAdvice {
    public static func message(for error: any Error) -> String {
        switch error {
        case LedgerError.unknownLedger(let name, let known) where known.isEmpty:
            "\(error); run `repro init --ledger \(name)`"
        default:
            "\(error)"
        }
    }
}
