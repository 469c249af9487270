import Foundation
import LedgerCore
@testable import ReproKit
import Testing
import TestSupport

/// The repository's `.repro/` holds only plain files: anything else came from elsewhere.
@Suite struct CacheLocationTests {
    @Test func folderNamedLikeACacheFileIsRefused() throws {
        let repo = try PaperRepository()
        let wal = repo.url.appendingPathComponent(".repro/index.sqlite-wal")
        try FileManager.default.createDirectory(at: wal, withIntermediateDirectories: true)
        #expect(throws: CacheFolderError.unsafeEntry(path: repo.url.appendingPathComponent(".repro").path + "/index.sqlite-wal",
                                                     kind: .folder)) {
            _ = try CacheLocation.folder(startingAt: repo.url, environment: [:])
        }
        try FileManager.default.removeItem(at: wal)
        try Data().write(to: repo.url.appendingPathComponent(".repro/index.sqlite"))
        #expect(try CacheLocation.folder(startingAt: repo.url, environment: [:]).lastPathComponent == ".repro")
    }
}
