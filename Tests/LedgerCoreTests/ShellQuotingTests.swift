import LedgerCore
import Testing

/// Commands in exports and `repro track` hints are pasted into a shell: quoted exactly.
@Suite struct ShellQuotingTests {
    @Test func plainWordsStayBareAndOthersAreSingleQuoted() {
        #expect(ShellQuoting.line(["python", "a b.py", "--x=1", "it's", ""]) == #"python 'a b.py' --x=1 'it'\''s' ''"#)
        // Only ASCII letters, digits and `_@%+=:,./-` stay bare: not a non-ASCII letter or digit.
        #expect(ShellQuoting.line(["Zz09_@%+=:,./-", "naïve", "\u{0663}", "$HOME", "a*", "~"])
            == #"Zz09_@%+=:,./- 'naïve' '\#u{0663}' '$HOME' 'a*' '~'"#)
    }

    @Test func aQuoteInsideAWordIsClosedEscapedAndReopened() {
        #expect(ShellQuoting.quoted("data/it's here.csv") == #"'data/it'\''s here.csv'"#)
    }
}
