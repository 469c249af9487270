import LedgerCore

/// Why `repro coverage` could not read the paper, or `repro disclaimer --aux` its `.aux` file.
public enum CoverageError: Error, Hashable, Sendable, CustomStringConvertible, CategorizedError {
    case unreadablePaper(path: String, reason: String)
    case unreadableAux(path: String, reason: String)
    case cycle(file: String, line: Int, target: String)
    case tooDeep(file: String, line: Int, limit: Int)
    case tooLarge(path: String, limit: Int)
    case invalidEnvironment(String)

    public var category: ErrorCategory { .badInput }

    public var description: String {
        switch self {
        case .unreadablePaper(let path, let reason):
            "cannot read the paper \(path.debugDescription): \(reason)"
        case .unreadableAux(let path, let reason):
            "cannot read the aux file \(path.debugDescription): \(reason); run pdflatex on the paper first, or leave out --aux"
        case .cycle(let file, let line, let target):
            "\(file):\(line): \\input{\(target)} includes a file that is already being read (a cycle)"
        case .tooDeep(let file, let line, let limit):
            "\(file):\(line): inputs nested more than \(limit) deep"
        case .tooLarge(let path, let limit):
            "\(path.debugDescription) is larger than \(limit >> 20) MiB; is it LaTeX source?"
        case .invalidEnvironment(let name):
            "invalid --environments entry \(name.debugDescription): expected an environment or sectioning command name such as table, figure, equation or section"
        }
    }
}
