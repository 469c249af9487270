import LedgerCore
import LedgerReport
import Testing

@Suite struct LaTeXEscapeTests {
    @Test(arguments: [
        (#"\input{/etc/passwd}"#, #"\textbackslash{}input\{/etc/passwd\}"#),
        (#"#$%&~_^{}\"#, ##"\#\$\%\&\textasciitilde{}\_\textasciicircum{}\{\}\textbackslash{}"##),
        (#"<>|"'"#, #"\textless{}\textgreater{}\textbar{}\textquotedblright{}\textquoteright{}"#),
        (#"say "hi" (it's `x')"#,
         #"say \textquotedblleft{}hi\textquotedblright{} (it\textquoteright{}s \textquoteleft{}x\textquoteright{})"#),
        (#"'quoted' and "double""#,
         #"\textquoteleft{}quoted\textquoteright{} and \textquotedblleft{}double\textquotedblright{}"#),
        ("--as-of 2024 --- ,,x", "-{}-as-of 2024 -{}-{}- ,{},x"),
        ("[x] *y* @z", "{[}x{]} *y* @z"),
        ("wow!` what?` ok!", #"wow!{}\textquoteleft{} what?{}\textquoteleft{} ok!"#),
        ("Llama-3.1-8B-Instruct", "Llama-3.1-8B-Instruct"),
        ("plain ASCII: a/b.c;d!e?f=g+h", "plain ASCII: a/b.c;d!e?f=g+h"),
    ])
    func asciiSpecials(input: String, expected: String) {
        #expect(LaTeX.escape(input) == expected)
    }

    @Test(arguments: [
        ("Ünïcödé", #"\"{U}n\"{\i}c\"{o}d\'{e}"#),
        ("café", #"caf\'{e}"#),
        ("cafe\u{301}", #"caf\'{e}"#),
        ("français", #"fran\c{c}ais"#),
        ("Straße", #"Stra\ss{}e"#),
        ("Ærøskøbing", #"\AE{}r\o{}sk\o{}bing"#),
        ("Łódź", #"\L{}\'{o}d\'{z}"#),
        ("Dvořák", #"Dvo\v{r}\'{a}k"#),
        ("Ångström", #"\AA{}ngstr\"{o}m"#),
        ("Erdős", #"Erd\H{o}s"#),
        ("Ştefan", #"\c{S}tefan"#),
        ("ệ ḯ", #"\d{\^{e}} \texttt{[U+1E2F]}"#),
        ("Nguyễn", #"Nguy\texttt{[U+1EC5]}n"#),
        ("ñ ì î", #"\~{n} \`{\i} \^{\i}"#),
        ("ạ", #"\d{a}"#),
        ("¿Qué? ¡Sí!", #"\textquestiondown{}Qu\'{e}? \textexclamdown{}S\'{\i}!"#),
        ("“x” – y — z…", #"\textquotedblleft{}x\textquotedblright{} \textendash{} y \textemdash{} z\ldots{}"#),
        ("5×3 ±1 µm 20°", #"5\ensuremath{\times}3 \ensuremath{\pm}1 \ensuremath{\mu}m 20\ensuremath{^\circ}"#),
    ])
    func accentedLatin(input: String, expected: String) {
        #expect(LaTeX.escape(input) == expected)
    }

    @Test(arguments: [
        ("中文", #"\texttt{[U+4E2D U+6587]}"#),
        ("中文 模型", #"\texttt{[U+4E2D U+6587]} \texttt{[U+6A21 U+578B]}"#),
        ("Ελληνικά", #"\texttt{[U+0395 U+03BB U+03BB U+03B7 U+03BD U+03B9 U+03BA U+03AC]}"#),
        ("Модель-7B", #"\texttt{[U+041C U+043E U+0434 U+0435 U+043B U+044C]}-7B"#),
        ("🦙 llama", #"\texttt{[U+1F999]} llama"#),
        ("👩‍💻", #"\texttt{[U+1F469 U+200D U+1F4BB]}"#),
        ("ąę", #"\texttt{[U+0105 U+0119]}"#),
        ("þ", #"\texttt{[U+00FE]}"#),
    ])
    func charactersWithoutKernelSpellingFallBackToCodePoints(input: String, expected: String) {
        #expect(LaTeX.escape(input) == expected)
    }

    @Test func controlCharactersAreDroppedAndLineBreaksBecomeSpaces() {
        #expect(LaTeX.escape("a\u{0}b\u{1B}[31mc") == "ab{[}31mc")
        #expect(LaTeX.escape("line one\n\nline two\r\nthree\tfour") == "line one  line two three four")
        #expect(LaTeX.escape("evil\u{202E}txt.exe\u{200B}") == "eviltxt.exe")
        #expect(LaTeX.escape("no\u{A0}break") == "no~break")
        #expect(LaTeX.escape("") == "")
    }

    @Test func digestBreaksAfterTheColonAndEveryEightCharacters() {
        let digest = "sha256:" + String(repeating: "0123abcd", count: 8)
        let expected = #"\texttt{sha256:"# + String(repeating: #"\allowbreak{}0123abcd"#, count: 8) + "}"
        #expect(LaTeX.digest(digest) == expected)
        #expect(LaTeX.digest("abcdef0123") == #"\texttt{abcdef01\allowbreak{}23}"#)
        #expect(LaTeX.digest("") == #"\texttt{}"#)
        #expect(LaTeX.digest("x_y:{}") == #"\texttt{x\_y:\allowbreak{}\{\}}"#)
    }

    /// One spelling per name in every output: BibTeX differs only in how braces are written.
    @Test(arguments: ["Nguyễn", "中文", "Café naïve Łódź ß – x", "Llama-3.1-8B", #"a "b" 'c' -- ,, [d]"#])
    func bibTeXFieldsSpellNamesAsRunningTextDoes(name: String) {
        #expect(LaTeX.escape(name, in: .bibTeXField) == LaTeX.escape(name))
        #expect(LaTeX.escape(name, in: .runningText) == LaTeX.escape(name))
    }

    @Test func namesFromEveryScriptAreSpelledOnce() {
        #expect(LaTeX.escape("Nguyễn", in: .bibTeXField) == #"Nguy\texttt{[U+1EC5]}n"#)
        #expect(LaTeX.escape("中文", in: .bibTeXField) == #"\texttt{[U+4E2D U+6587]}"#)
        #expect(LaTeX.escape("Nguyễn", in: .comment) == "Nguy?n")
        #expect(LaTeX.escape("中文", in: .comment) == "??")
    }

    /// Every LaTeX special in each context: running text and BibTeX agree except on braces,
    /// which BibTeX would count even after a backslash; a comment keeps ASCII as typed.
    @Test func everySpecialInEveryContext() {
        let specials = #"\ { } $ & # ^ _ % ~ < > | [ ] " ' `"#
        #expect(LaTeX.escape(specials, in: .runningText) == ##"\textbackslash{} \{ \} \$ \& \# \textasciicircum{} \_ \% "##
            + #"\textasciitilde{} \textless{} \textgreater{} \textbar{} {[} {]} \textquotedblleft{} \textquoteleft{} \textquoteleft{}"#)
        #expect(LaTeX.escape(specials, in: .bibTeXField) == ##"\textbackslash{} \textbraceleft{} \textbraceright{} \$ \& \# "##
            + #"\textasciicircum{} \_ \% \textasciitilde{} \textless{} \textgreater{} \textbar{} {[} {]} \textquotedblleft{} "#
            + #"\textquoteleft{} \textquoteleft{}"#)
        #expect(LaTeX.escape(specials, in: .comment) == specials)
        #expect(LaTeX.escape("one\ntwo\u{0}three", in: .comment) == "one?two?three")
        #expect(LaTeX.escape("{中}", in: .bibTeXField) == #"\textbraceleft{}\texttt{[U+4E2D]}\textbraceright{}"#)
    }
}
