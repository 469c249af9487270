import CLibGit2

/// libgit2 needs one global initialisation before any other call.
///
/// It is never shut down: repository handles may live until the process exits,
/// and a shutdown racing with them would be worse than the few bytes it frees.
enum LibGit2 {
    private static let initialisation: Int32 = git_libgit2_init()

    static func initialise() {
        _ = initialisation
    }
}

/// Turns a negative libgit2 return code into a `GitError` carrying libgit2's own explanation.
///
/// `operation` completes "could not …", so the message says what we were doing when it failed.
@discardableResult
func check(_ code: Int32, _ operation: @autoclosure () -> String) throws -> Int32 {
    guard code < 0 else { return code }
    throw GitError.libgit2(operation: operation(), code: code, message: lastLibGit2Message())
}

/// The message libgit2 left for the calling thread, or a fallback when it left none.
func lastLibGit2Message() -> String {
    guard let error = git_error_last(), let message = error.pointee.message else {
        return "libgit2 gave no detail"
    }
    return String(cString: message)
}

extension git_oid {
    /// The 40 lowercase hex digits git prints for this object.
    var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(40)
        withUnsafeBytes(of: id) { bytes in
            for byte in bytes {
                text.append(digits[Int(byte >> 4)])
                text.append(digits[Int(byte & 0x0f)])
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// True for the all-zero id libgit2 uses for "absent" or "not computed".
    var isZero: Bool {
        var copy = self
        return git_oid_is_zero(&copy) != 0
    }

    func isSame(as other: git_oid) -> Bool {
        var left = self
        var right = other
        return git_oid_equal(&left, &right) != 0
    }
}

/// Copies a libgit2 string array into Swift strings; the caller still disposes of the array.
func strings(of array: git_strarray) -> [String] {
    (0..<array.count).compactMap { index in
        array.strings[index].map { String(cString: $0) }
    }
}

/// Copies the bytes of a libgit2 buffer; the caller still disposes of the buffer.
func bytes(of buffer: git_buf) -> [UInt8] {
    guard let pointer = buffer.ptr, buffer.size > 0 else { return [] }
    return pointer.withMemoryRebound(to: UInt8.self, capacity: buffer.size) {
        Array(UnsafeBufferPointer(start: $0, count: buffer.size))
    }
}
