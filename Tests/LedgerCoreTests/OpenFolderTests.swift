import Foundation
import LedgerCore
import SystemPackage
import Testing
import TestSupport

/// The file-system layer never follows a link below the folder it was opened on.
@Suite struct OpenFolderTests {
    @Test func symlinkedFolderIsRefusedNotFollowed() throws {
        let folder = try TemporaryFolder()
        let outside = try TemporaryFolder()
        try FileManager.default.createSymbolicLink(atPath: folder.child("link"), withDestinationPath: outside.path)
        let root = try OpenFolder.root(FilePath(folder.path), displayedAs: "")
        #expect(throws: FileSystemError.notFollowed(path: "link", kind: .symbolicLink)) { try root.folder("link") }
        #expect(throws: FileSystemError.notFollowed(path: "link", kind: .symbolicLink)) { try root.makeFolder("link") }
        #expect(try root.entries() == [OpenFolder.Entry(name: "link", kind: .symbolicLink)])
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }

    @Test func writeRefusesAnExistingSymlinkAndWritesNothingThrough() throws {
        let folder = try TemporaryFolder()
        let outside = try TemporaryFolder()
        try FileManager.default.createSymbolicLink(atPath: folder.child("r.json"), withDestinationPath: outside.child("r.json"))
        let root = try OpenFolder.root(FilePath(folder.path), displayedAs: "ledgers")
        #expect(throws: FileSystemError.notFollowed(path: "ledgers/r.json", kind: .symbolicLink)) { try root.writeFile("r.json", [1]) }
        #expect(!FileManager.default.fileExists(atPath: outside.child("r.json")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["r.json"])
    }

    /// Each name is read in place from readdir's record, whatever its length: copying a
    /// whole `dirent` read past the end of the last record in readdir's buffer.
    @Test func namesOfEveryLengthAreListedExactly() throws {
        let folder = try TemporaryFolder()
        let names = (1...255).map { length in String((0..<length).map { Character(UnicodeScalar(UInt8(0x61 + $0 % 26))) }) }
        for name in names { _ = try folder.write(name, [UInt8(name.count % 256)]) }
        try FileManager.default.createDirectory(atPath: folder.child("sub"), withIntermediateDirectories: false)
        let root = try OpenFolder.root(FilePath(folder.path), displayedAs: "")
        let expected = (names.map { OpenFolder.Entry(name: $0, kind: .regular) } + [OpenFolder.Entry(name: "sub", kind: .folder)])
            .sorted { $0.name < $1.name }
        #expect(try root.entries() == expected)
        #expect(try root.names().map { String(decoding: $0.dropLast(), as: UTF8.self) }.sorted() == expected.map(\.name))
        #expect(try root.names().allSatisfy { $0.last == 0 })
    }

    @Test func readsAreBoundedAtTheLimit() throws {
        let folder = try TemporaryFolder()
        try folder.write("at", [UInt8](repeating: 7, count: 100))
        try folder.write("over", [UInt8](repeating: 7, count: 101))
        let root = try OpenFolder.root(FilePath(folder.path), displayedAs: "")
        #expect(try root.readFile("at", limit: 100) == [UInt8](repeating: 7, count: 100))
        #expect(throws: FileSystemError.tooLarge(path: "over", limit: 100)) { try root.readFile("over", limit: 100) }
        #expect(throws: FileSystemError.self) { try root.readFile("../at", limit: 100) }
    }

    @Test func fifoIsRefusedWithoutBlocking() throws {
        let folder = try TemporaryFolder()
        #expect(mkfifo(folder.child("pipe"), 0o644) == 0)
        let root = try OpenFolder.root(FilePath(folder.path), displayedAs: "")
        #expect(throws: FileSystemError.notFollowed(path: "pipe", kind: .fifo)) { try root.readFile("pipe", limit: 10) }
        #expect(try root.entries() == [OpenFolder.Entry(name: "pipe", kind: .fifo)])
    }

    @Test func temporaryFilesAreAbandonedOnlyWhenOldAndOwnerless() {
        let now: Int64 = 1_000_000
        let dead = ".r.json.tmp.999999999.5"
        let live = ".r.json.tmp.\(getpid()).5"
        #expect(!TemporaryFile.isAbandoned(name: dead, modified: now - 60, now: now))
        #expect(TemporaryFile.isAbandoned(name: dead, modified: now - 3600, now: now))
        #expect(!TemporaryFile.isAbandoned(name: live, modified: now - 7200, now: now))
        #expect(TemporaryFile.isAbandoned(name: live, modified: now - 86_400, now: now))
        #expect(TemporaryFile.pid(in: live) == getpid())
    }

    /// A path the user gave follows their links, but is still bounded and must be a regular file.
    @Test func userFilesFollowTheUsersLinksAndAreBounded() throws {
        let folder = try TemporaryFolder()
        try folder.write("real.json", "{}")
        try FileManager.default.createSymbolicLink(atPath: folder.child("link.json"), withDestinationPath: folder.child("real.json"))
        #expect(try OpenFolder.readUserFile(FilePath(folder.child("link.json")), limit: 2) == Array("{}".utf8))
        #expect(throws: FileSystemError.tooLarge(path: folder.child("real.json"), limit: 1)) {
            try OpenFolder.readUserFile(FilePath(folder.child("real.json")), limit: 1)
        }
        #expect(throws: FileSystemError.notFollowed(path: "/dev/null", kind: .device)) { try OpenFolder.readUserFile("/dev/null", limit: 10) }
    }
}
