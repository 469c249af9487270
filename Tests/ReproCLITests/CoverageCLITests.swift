import Foundation
import Testing
import TestSupport

/// `repro coverage` on a paper spread over `\input` files: starred tables, a label commented
/// out, a renamed table, a failed run, and inputs it must not follow.
@Suite struct CoverageCLITests {
    let repo: PaperRepository

    init() throws {
        repo = try PaperRepository()
        try repo.folder.write("data/train.csv", "id,text\n1,a\n")
        try repo.folder.write("paper/main.tex", #"""
            \documentclass{article}
            \begin{document}
            \section{Results}\label{sec:results}
            \input{sections/results}
            \begin{figure}\centering\caption{Loss}\label{fig:loss}\end{figure}
            % \begin{table}\label{tab:old}\end{table}
            \begin{comment}
            \begin{table}\label{tab:draft}\end{table}
            \end{comment}
            \input{statement}
            \input{../outside}
            \end{document}
            """#)
        try repo.folder.write("paper/sections/results.tex", #"""
            \begin{table*}[t]
              \caption{Main results}
              \label{tab:main-v2}
            \end{table*}
            \begin{table}\label{tab:ablation}\end{table}
            \begin{equation}x\label{eq:loss}\end{equation}
            """#)
        try repo.folder.write("outside.tex", "\\begin{table}\\label{tab:outside}\\end{table}\n")
        try repo.git("add", "-A")
        try repo.git("commit", "-q", "-m", "paper")
        try succeed("init")
        try succeed("track", "data/train.csv", "--name", "train", "--kind", "dataset", "--license", "MIT")
        try succeed("tag", "ablation", "--uses", "train", "--section", "tab:ablation")
        try succeed("tag", "main", "--uses", "train", "--section", "tab:main")
        let failed = try repo.repro("run", "loss", "--uses", "train", "--section", "fig:loss", "--", "false")
        #expect(failed.status == 1)
    }

    @discardableResult
    func succeed(_ arguments: String...) throws -> Subprocess.Result {
        let result = try ReproBinary.run(arguments, in: repo.path, environment: PaperRepository.environment)
        #expect(result.status == 0, "repro \(arguments.joined(separator: " ")): \(result.stderr)")
        return result
    }

    @Test func namesUnbackedTablesAndRenamedLabelsAndExitsOne() throws {
        let result = try repo.repro("coverage", "paper/main.tex")
        #expect(result.status == 1)
        #expect(result.stderr == "")
        #expect(result.stdout == """
            3 labels of table, figure in 2 files: 1 backed, 2 not backed
            not backed by a recorded experiment:
              sections/results.tex:3  table*  tab:main-v2
              main.tex:5  figure  fig:loss (only failed runs: loss)
            backed:
              sections/results.tex:5  table  tab:ablation  ablation
            recorded section labels not in the paper (renamed or removed?):
              tab:main  main
            inputs not read:
              main.tex:10  statement: not found
              main.tex:11  ../outside: outside the paper's folder

            """)
    }

    @Test func passesOnceEveryTableIsBackedAndReportsJSON() throws {
        try succeed("tag", "main-v2", "--uses", "train", "--section", "tab:main-v2")
        try succeed("tag", "loss-ok", "--uses", "train", "--section", "fig:loss")
        let result = try repo.repro("coverage", "paper/main.tex", "--json")
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(json?["complete"] as? Bool == true)
        #expect(json?["files"] as? [String] == ["main.tex", "sections/results.tex"])
        let backed = json?["backed"] as? [[String: Any]] ?? []
        #expect(backed.map { $0["label"] as? String } == ["tab:main-v2", "tab:ablation", "fig:loss"])
        #expect(backed.last?["failedExperiments"] as? [String] == ["loss"])
        #expect(backed.last?["experiments"] as? [String] == ["loss-ok"])
        #expect((json?["notInPaper"] as? [[String: Any]])?.map { $0["section"] as? String } == ["tab:main"])
    }

    @Test func checksTheEnvironmentsTheAuthorMarks() throws {
        let result = try repo.repro("coverage", "paper/main.tex", "--environments", "equation", "section")
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("""
            2 labels of equation, section in 2 files: 0 backed, 2 not backed
            not backed by a recorded experiment:
              main.tex:3  section  sec:results
              sections/results.tex:6  equation  eq:loss

            """))
    }

    @Test func refusesACycleAndAMissingPaperWithExitTwo() throws {
        try repo.folder.write("paper/sections/results.tex", "\\input{sections/loop}\n")
        try repo.folder.write("paper/sections/loop.tex", "\n\\input{sections/results.tex}\n")
        let before = try repo.ledgerSnapshot()
        let cycle = try repo.repro("coverage", "paper/main.tex")
        #expect(cycle.status == 2)
        #expect(cycle.stdout == "")
        #expect(cycle.stderr == "repro: error: sections/loop.tex:2: \\input{sections/results.tex} includes a file that is already being read (a cycle)\n")
        let missing = try repo.repro("coverage", "paper/nope.tex")
        #expect(missing.status == 2)
        #expect(missing.stderr == "repro: error: cannot read the paper \"paper/nope.tex\": No such file or directory\n")
        let bad = try repo.repro("coverage", "paper/main.tex", "--environments", "tab{le}")
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("repro: error: invalid --environments entry \"tab{le}\""))
        #expect(try repo.ledgerSnapshot() == before)
    }

    /// Each file is read once however often it is `\input`: six files that each input the
    /// next ten times were read 11,111 times (and ten levels, 10^10), listing each label
    /// once per reading. Labels and inputs from the files reach the terminal escaped.
    @Test func eachFileIsReadOnceAndItsTextEscaped() throws {
        for level in 0..<5 {
            try repo.folder.write("fan/f\(level).tex", "\\begin{table}\\label{tab:l\(level)}\\end{table}\n"
                + String(repeating: "\\input{f\(level + 1)}\n", count: 10))
        }
        try repo.folder.write("fan/f5.tex", "\\begin{table}\\label{tab:\u{1B}[2Jclear}\\end{table}\n\\input{\u{1B}]0;pwned\u{07}}\n")
        let result = try repo.repro("coverage", "fan/f0.tex")
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout == #"""
            6 labels of table, figure in 6 files: 0 backed, 6 not backed
            not backed by a recorded experiment:
              f0.tex:1  table  tab:l0
              f1.tex:1  table  tab:l1
              f2.tex:1  table  tab:l2
              f3.tex:1  table  tab:l3
              f4.tex:1  table  tab:l4
              f5.tex:1  table  tab:\033[2Jclear
            recorded section labels not in the paper (renamed or removed?):
              fig:loss  loss
              tab:ablation  ablation
              tab:main  main
            inputs not read:
              f5.tex:2  \033]0;pwned\007: not found

            """#)
    }

    /// A paper (or an aux file) that is a FIFO is refused unread: no hang waiting for a writer.
    @Test func refusesAFIFOWithoutBlocking() throws {
        #expect(mkfifo(repo.folder.child("paper/pipe.tex"), 0o644) == 0)
        let pipe = try repo.repro("coverage", "paper/pipe.tex")
        #expect(pipe.status == 2)
        #expect(pipe.stderr == "repro: error: cannot read the paper \"paper/pipe.tex\": not a regular file\n")
        #expect(mkfifo(repo.folder.child("paper/main.aux"), 0o644) == 0)
        let aux = try repo.repro("disclaimer", "--aux", "paper/main.aux")
        #expect(aux.status == 2)
        #expect(aux.stderr == "repro: error: cannot read the aux file \"paper/main.aux\": not a regular file; "
            + "run pdflatex on the paper first, or leave out --aux\n")
    }
}
