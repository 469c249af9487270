import Foundation
import SystemPackage

extension Workspace {
    /// Resolves a path the user typed relative to the directory they typed it in.
    public func absolutePath(_ path: FilePath, from directory: URL) -> String {
        absolutePath(path.string, from: directory)
    }
}
