import LedgerReport
import Testing

@Suite struct MarkdownEscapeTests {
    @Test(arguments: [
        ("Llama-3.1-8B-Instruct", "Llama-3.1-8B-Instruct"),
        ("*bold* _it_ `code` ~~gone~~", #"\*bold\* \_it\_ \`code\` \~\~gone\~\~"#),
        ("[click](https://evil.example)", #"\[click\](https://evil.example)"#),
        ("![img](x.png)", #"!\[img\](x.png)"#),
        ("<script>alert(1)</script>", #"\<script\>alert(1)\</script\>"#),
        ("a | b", #"a \| b"#),
        ("&amp; $x$ \\", #"\&amp; \$x\$ \\"#),
        ("# heading", ##"\# heading"##),
        ("- item", #"\- item"#),
        ("+ item", #"\+ item"#),
        ("> quote", #"\> quote"#),
        ("1. first", #"1\. first"#),
        ("2024) year", #"2024\) year"#),
        ("issue #12 - fixed", "issue #12 - fixed"),
        ("   # indented heading", ##"\# indented heading"##),
        ("\t    3. indented item", #"3\. indented item"#),
        ("    code block?", "code block?"),
        ("two\nlines\r\nthree", "two lines three"),
        ("nul\u{0}bidi\u{202E}", "nulbidi"),
        ("Ünïcödé 中文 🦙", "Ünïcödé 中文 🦙"),
    ])
    func escapes(input: String, expected: String) {
        #expect(Markdown.escape(input) == expected)
    }
}
