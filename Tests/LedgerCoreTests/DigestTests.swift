import LedgerCore
import Testing
import TestSupport

@Suite struct DigestTests {
    @Test func knownVectors() {
        #expect(Digest.of([UInt8]()).description
            == "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Digest.of("abc").description
            == "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Digest.of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq").hex
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func parsingRejectsMalformedText() {
        #expect(Digest(parsing: "sha256:" + String(repeating: "a", count: 64)) != nil)
        #expect(Digest(parsing: String(repeating: "a", count: 64)) != nil)
        #expect(Digest(parsing: "sha256:" + String(repeating: "A", count: 64)) == nil)
        #expect(Digest(parsing: "sha256:" + String(repeating: "a", count: 63)) == nil)
        #expect(Digest(parsing: "md5:" + String(repeating: "a", count: 64)) == nil)
    }

    @Test func rawBytesRoundTrip() throws {
        let digest = Digest.of("abc")
        #expect(digest.bytes.count == 32)
        #expect(Digest(bytes: digest.bytes) == digest)
        #expect(Digest(bytes: [1, 2, 3]) == nil)
    }

    /// Held as bytes, a digest must still read back, sort and compare exactly as its text does:
    /// statements sort artifacts by digest, and records name them by text.
    @Test func orderAndEqualityFollowTheText() throws {
        let texts = (0..<200).map { Digest.of("artifact \($0)").hex }
            + ["0" + String(repeating: "f", count: 63), String(repeating: "f", count: 63) + "0",
               String(repeating: "0", count: 64), String(repeating: "f", count: 64), "8" + String(repeating: "0", count: 63)]
        let digests = try texts.map { try #require(Digest(parsing: $0)) }
        #expect(digests.map(\.hex) == texts)
        #expect(digests.sorted().map(\.hex) == texts.sorted())
        #expect(Set(digests).count == Set(texts).count)
        let one = try #require(Digest(parsing: "sha256:" + texts[0]))
        #expect(one == digests[0] && one.hashValue == digests[0].hashValue)
        #expect(Digest(parsing: String(repeating: "a", count: 63) + "g") == nil)
        #expect(Digest(parsing: "sha256:" + String(repeating: "a", count: 65)) == nil)
        #expect(Digest(parsing: "sha256:sha256:" + String(repeating: "a", count: 64)) == nil)
        // Each neighbour of a hex digit's range, anywhere in the text.
        for bad in ["/", ":", "@", "G", "W", "`", "g", " ", "\u{0}", "\u{FF}"] {
            for at in [0, 17, 63] {
                var text = Array(String(repeating: "a", count: 64))
                text[at] = Character(bad)
                #expect(Digest(parsing: String(text)) == nil, "\(bad.debugDescription) at \(at)")
            }
        }
    }
}
