import ReproKit
import Testing

/// The CLI fixes the allocator's threshold for mapping large blocks before anything else;
/// on Linux glibc must take the setting (elsewhere there is nothing to set).
@Suite struct ProcessMemoryTests {
    @Test func glibcTakesTheFixedThreshold() {
        #if os(Linux)
        #expect(ProcessMemory.returnLargeBlocksWhenFreed())
        #else
        #expect(!ProcessMemory.returnLargeBlocksWhenFreed())
        #endif
    }
}
