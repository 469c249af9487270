import Foundation

/// Gathers values from concurrent test work (threads, `concurrentPerform`).
public final class Collector<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [Value] = []

    public init() {}

    public func add(_ item: Value) { lock.withLock { items.append(item) } }
    public var all: [Value] { lock.withLock { items } }
}
