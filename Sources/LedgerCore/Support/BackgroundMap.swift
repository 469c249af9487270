import Dispatch
import Synchronization

/// A `ParallelMap` started now and collected later: a reader decodes one batch on the
/// other cores while it fetches the next, instead of taking turns.
public final class BackgroundMap<R: Sendable>: Sendable {
    private let finished = DispatchSemaphore(value: 0)
    private let results = Mutex<[R]?>(nil)

    public init<T: Sendable>(_ items: [T], _ transform: @escaping @Sendable (T) -> R) {
        DispatchQueue.global().async { [self] in
            let mapped = ParallelMap.map(items, transform)
            results.withLock { $0 = mapped }
            finished.signal()
        }
    }

    /// The results in the order of the items, once every item is mapped.
    public func wait() -> [R] {
        finished.wait()
        finished.signal()
        return results.withLock { $0! }
    }
}
