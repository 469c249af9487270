import LedgerCore
import Testing

/// Names reach the terminal escaped as GNU `ls -b` escapes them, byte for byte.
@Suite struct TerminalTextTests {
    @Test func plainNamesAreUnchanged() {
        #expect(TerminalText.escaped("model weights/é.safetensors") == "model weights/é.safetensors")
        #expect(!TerminalText.needsEscaping("a b"))
    }

    @Test func controlCharactersBecomeBackslashSequences() {
        #expect(Array(TerminalText.escaped("a\nb").utf8) == Array(#"a\nb"#.utf8))
        #expect(Array(TerminalText.escaped("a\tb").utf8) == Array(#"a\tb"#.utf8))
        #expect(Array(TerminalText.escaped("\u{1B}[31mred").utf8) == Array(#"\033[31mred"#.utf8))
        #expect(Array(TerminalText.escaped("back\\slash").utf8) == Array(#"back\\slash"#.utf8))
        #expect(Array(TerminalText.escaped("\u{0}\u{7F}\r").utf8) == Array(#"\000\177\015"#.utf8))
        // C1 controls are escaped byte by byte, as `ls -b` shows their UTF-8 encoding.
        #expect(Array(TerminalText.escaped("x\u{9B}y").utf8) == Array(#"x\302\233y"#.utf8))
    }

    /// Warnings are composed from escaped names; printing them escapes control characters
    /// only, so an escaped name is not escaped twice.
    @Test func composedTextKeepsItsEscapes() {
        let composed = "changed  " + TerminalText.escaped("x\\y\nz")
        #expect(composed == #"changed  x\\y\nz"#)
        #expect(TerminalText.controlsEscaped(composed) == composed)
        #expect(TerminalText.controlsEscaped("raw \u{1B}[31mred\tname\\") == #"raw \033[31mred\tname\"#)
    }

    /// Every control is found on the bytes, next to text that is left alone: DEL, a C1
    /// control after a two-byte letter, and the last byte of the line.
    @Test func everyControlIsEscapedInComposedText() {
        #expect(Array(TerminalText.controlsEscaped("é\u{7F}").utf8) == Array(#"é\177"#.utf8))
        #expect(Array(TerminalText.controlsEscaped("é\u{85}x").utf8) == Array(#"é\302\205x"#.utf8))
        #expect(Array(TerminalText.controlsEscaped("ok\u{1F}").utf8) == Array(#"ok\037"#.utf8))
        // U+00A0 (0xC2 0xA0) and U+0100 are not controls.
        #expect(TerminalText.controlsEscaped("a\u{A0}b\u{100}") == "a\u{A0}b\u{100}")
    }

    /// A right-to-left override in a note would make `gnp.exe` read `exe.png`: shown, not obeyed.
    @Test func bidirectionalControlsAreShownNotObeyed() {
        #expect(Array(TerminalText.escaped("a\u{202E}gnp.exe").utf8) == Array(#"a\342\200\256gnp.exe"#.utf8))
        #expect(Array(TerminalText.controlsEscaped("x\u{2066}y\u{200F}").utf8) == Array(#"x\342\201\246y\342\200\217"#.utf8))
        // Right-to-left text itself is printed as it is.
        #expect(TerminalText.escaped("שלום") == "שלום")
    }

    @Test func aFakeVerdictLineCannotBeInjected() {
        let name = "d.csv\nall present artifacts match their recorded digests"
        #expect(!TerminalText.escaped(name).contains("\n"))
    }
}

/// File names are bytes: what is not UTF-8 is shown byte by byte in octal, as `ls -b` shows it.
@Suite struct TerminalTextBytesTests {
    @Test func invalidBytesBecomeOctalAndTheRestIsEscapedAsText() {
        #expect(Array(TerminalText.escaped(bytes: Array("caf".utf8) + [0xE9]).utf8) == Array(#"caf\351"#.utf8))
        #expect(Array(TerminalText.escaped(bytes: [0xFF, 0x0A] + Array("é".utf8) + [0xC3]).utf8) == Array(#"\377\né\303"#.utf8))
        #expect(TerminalText.escaped(bytes: Array("plain/name".utf8)) == "plain/name")
        #expect(TerminalText.escaped(bytes: []) == "")
    }
}
