import Foundation
import LedgerCore
@testable import LedgerExport
import Testing
import TestSupport

@Suite struct LineageGraphTests {
    @Test func mermaidExactBytes() throws {
        #expect(try graph(try Fixture.snapshot(), format: .mermaid) == ##"""
            flowchart LR
              a1["Llama-3.1-8B<br/>checkpoint, withdrawn as of 2025-03-01"]:::withdrawn
              a2["c4-en-sample<br/>dataset"]
              a3["Clinical {notes} 50% #35;3 #amp; co_v2 ~^\$ #quot;quoted#quot; [x] #lt;y#gt;<br/>dataset, private as of 2024-12-01"]:::private
              a4["Llama-3.1 tokenizer<br/>tokenizer"]
              a5["llama-3.1-8b-clinical-sft<br/>checkpoint"]
              a6["eval-metrics.json<br/>result"]
              e1(["finetune<br/>experiment"])
              e2(["evaluate<br/>tab:main"])
              a1 --> e1
              a4 --> e1
              a3 --> e1
              a2 --> e1
              e1 --> a5
              a5 --> e2
              a2 --> e2
              e2 --> a6
              a1 -.->|derived from| a5
              classDef withdrawn fill:#fde2e2,stroke:#b91c1c,stroke-width:2px,stroke-dasharray:5 3
              classDef private fill:#e5e7eb,stroke:#4b5563,stroke-width:2px,stroke-dasharray:5 3

            """##)
    }

    @Test func dotExactBytes() throws {
        #expect(try graph(try Fixture.snapshot(), format: .dot) == ##"""
            digraph lineage {
              rankdir=LR;
              node [fontname="Helvetica", fontsize=10];
              edge [fontname="Helvetica", fontsize=9];
              a1 [shape=box, label="Llama-3.1-8B\ncheckpoint, withdrawn as of 2025-03-01", style="filled,bold,dashed", fillcolor="#fde2e2", color="#b91c1c", class="withdrawn"];
              a2 [shape=box, label="c4-en-sample\ndataset"];
              a3 [shape=box, label="Clinical {notes} 50% #3 & co_v2 ~^\\$ \"quoted\" [x] <y>\ndataset, private as of 2024-12-01", style="filled,bold,dashed", fillcolor="#e5e7eb", color="#4b5563", class="private"];
              a4 [shape=box, label="Llama-3.1 tokenizer\ntokenizer"];
              a5 [shape=box, label="llama-3.1-8b-clinical-sft\ncheckpoint"];
              a6 [shape=box, label="eval-metrics.json\nresult"];
              e1 [shape=ellipse, label="finetune\nexperiment"];
              e2 [shape=ellipse, label="evaluate\ntab:main"];
              a1 -> e1;
              a4 -> e1;
              a3 -> e1;
              a2 -> e1;
              e1 -> a5;
              a5 -> e2;
              a2 -> e2;
              e2 -> a6;
              a1 -> a5 [style=dashed, label="derived from"];
            }

            """##)
    }

    @Test func bytesDependOnlyOnTheRecords() throws {
        for format in GraphFormat.allCases {
            #expect(try graph(try Fixture.snapshot(shuffled: true), format: format) == graph(try Fixture.snapshot(), format: format))
        }
    }

    @Test
    func graphvizRendersIt() throws {
        try ExternalTools.require(\.dot)
        let folder = try TemporaryFolder("graph")
        let file = try folder.write("lineage.dot", graph(try Fixture.snapshot(), format: .dot))
        let result = try Subprocess.run(["dot", "-Tsvg", file])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
        #expect(result.stdout.contains("class=\"node withdrawn\""))
        #expect(result.stdout.contains("class=\"node private\""))
        #expect(result.stdout.contains("withdrawn as of 2025&#45;03&#45;01"))
    }

    @Test func mermaidLabelsNeverEndEarly() throws {
        let text = try graph(try Fixture.snapshot(), format: .mermaid)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "flowchart LR")
        let nodes = lines.filter { $0.wholeMatch(of: #/  [ae][0-9]+\(?\[".*"\]\)?(:::[a-z]+)?/#) != nil }
        #expect(nodes.count == 8)
        for node in nodes {
            // One quoted label per node: the only quotes are its delimiters.
            #expect(node.filter { $0 == "\"" }.count == 2, "\(node)")
            #expect(!node.contains("<y>") && !node.contains("&"), "\(node)")
        }
        #expect(lines.filter { $0.contains(" --> ") }.count == 8)
        #expect(lines.filter { $0.contains(" -.->|derived from| ") } == ["  a1 -.->|derived from| a5"])
        #expect(lines.contains { $0.hasPrefix("  classDef withdrawn ") })
    }

    @Test func mermaidEscapesWhatWouldBreakALabel() {
        #expect(MermaidRenderer.escaped(#"a "b" [c] (d) {e} #f &g <h> `i`"#)
            == "a #quot;b#quot; [c] (d) {e} #35;f #amp;g #lt;h#gt; #96;i#96;")
    }

    @Test func dotEscapesQuotesAndBackslashes() {
        #expect(DOTRenderer.escaped(#"a "b" \n"#) == #"a \"b\" \\n"#)
    }

    @Test func gatedArtifactsAreMarked() throws {
        let gated = AvailabilityEvent(digest: Fixture.c4, status: .gated, asOf: "2025-04-01", evidence: nil, note: nil,
                                      recordedAt: "2025-04-01T00:00:00Z", recordedBy: Fixture.ada)
        let snapshot = try Fixture.snapshot(Fixture.records + [.availability(gated)])
        #expect(try graph(snapshot, format: .mermaid).contains(#"a2["c4-en-sample<br/>dataset, gated access as of 2025-04-01"]:::gated"#))
        #expect(try graph(snapshot, format: .mermaid).contains("  classDef gated fill:#fef3c7,stroke:#b45309,"))
        #expect(try graph(snapshot, format: .dot).contains(##"fillcolor="#fef3c7", color="#b45309", class="gated""##))
    }
}
