import Dispatch
import Synchronization

/// Work started on another thread now, its result collected later: a reader parses the next
/// batch of records on the other cores while it inserts or hands on this one.
public final class Prefetch<Value: Sendable>: Sendable {
    private let result = Mutex<Value?>(nil)
    private let done = DispatchSemaphore(value: 0)

    public init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async { [self] in
            let value = work()
            result.withLock { $0 = value }
            done.signal()
        }
    }

    /// The result, once the work is done; asked again, the same result at once.
    public var value: Value {
        done.wait()
        done.signal()
        return result.withLock { $0! }
    }
}
