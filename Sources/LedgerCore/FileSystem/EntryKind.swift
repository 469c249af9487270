#if canImport(Glibc)
import Glibc
#endif
import SystemPackage

/// What a directory entry is, seen without following it.
public enum EntryKind: Sendable, Equatable {
    case regular
    case folder
    case symbolicLink
    case fifo
    case device
    case socket
    case unknown

    /// Symlinks, FIFOs, devices and sockets: never opened under `ledgers/`.
    public var isSpecial: Bool { self != .regular && self != .folder }

    /// Words for messages: "is a symbolic link".
    public var phrase: String {
        switch self {
        case .regular: return "a regular file"
        case .folder: return "a folder"
        case .symbolicLink: return "a symbolic link"
        case .fifo: return "a FIFO"
        case .device: return "a device"
        case .socket: return "a socket"
        case .unknown: return "of an unknown file type"
        }
    }

    public init(_ type: FileType) {
        switch type {
        case .regular: self = .regular
        case .directory: self = .folder
        case .symbolicLink: self = .symbolicLink
        case .fifo: self = .fifo
        case .characterSpecial, .blockSpecial: self = .device
        case .socket: self = .socket
        default: self = .unknown
        }
    }

    /// From `readdir`'s `d_type`; nil when the file system did not say (DT_UNKNOWN).
    init?(directoryEntryType type: UInt8) {
        switch Int32(type) {
        case Int32(DT_REG): self = .regular
        case Int32(DT_DIR): self = .folder
        case Int32(DT_LNK): self = .symbolicLink
        case Int32(DT_FIFO): self = .fifo
        case Int32(DT_CHR), Int32(DT_BLK): self = .device
        case Int32(DT_SOCK): self = .socket
        default: return nil
        }
    }
}
