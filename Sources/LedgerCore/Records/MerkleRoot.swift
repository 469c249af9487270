import Crypto

/// One digest that pins a whole set of records.
///
/// Leaves are the sorted record ids; a leaf hashes as SHA-256(0x00 ‖ id) and a
/// node as SHA-256(0x01 ‖ left ‖ right) (the RFC 6962 domain separation, so a leaf
/// can never pose as a node); an odd node is carried up unchanged. The empty set's
/// root is SHA-256 of nothing.
public enum MerkleRoot {
    public static func of(_ ids: [Digest]) -> Digest {
        let sorted = Array(Set(ids)).sorted()
        guard !sorted.isEmpty else { return Digest.of([UInt8]()) }
        var level = sorted.map { hash([0x00] + $0.bytes) }
        while level.count > 1 {
            var next: [[UInt8]] = []
            next.reserveCapacity((level.count + 1) / 2)
            var index = 0
            while index + 1 < level.count {
                next.append(hash([0x01] + level[index] + level[index + 1]))
                index += 2
            }
            if index < level.count { next.append(level[index]) }
            level = next
        }
        return Digest(bytes: level[0])!
    }

    private static func hash(_ bytes: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: bytes)) }
}
