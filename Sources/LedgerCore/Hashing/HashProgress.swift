import Synchronization

/// Counters the hashing workers bump and a progress display reads from another thread.
public final class HashProgress: Sendable {
    private let done = Atomic<Int64>(0)
    private let total = Atomic<Int64>(0)

    public init() {}

    public var bytesDone: Int64 { done.load(ordering: .relaxed) }
    public var bytesTotal: Int64 { total.load(ordering: .relaxed) }

    func add(bytes: Int64) { done.add(bytes, ordering: .relaxed) }
    func retract(bytes: Int64) { done.subtract(bytes, ordering: .relaxed) }
    func expect(bytes: Int64) { total.add(bytes, ordering: .relaxed) }
}
