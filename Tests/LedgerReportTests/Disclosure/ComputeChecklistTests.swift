import LedgerCore
import LedgerReport
import Testing

/// The NeurIPS compute item and the statement's JSON form, from `repro run`'s compute records.
@Suite struct ComputeChecklistTests {
    static let gpuNode = MachineRecord(
        host: "gpu-node-7", cpuModel: "AMD EPYC 7763 64-Core Processor", cpuCount: 128, memoryTotalBytes: 512 << 30,
        gpus: [GPURecord(name: "NVIDIA A100-SXM4-80GB", memoryMiB: 81920, driver: "535.104.05"),
               GPURecord(name: "NVIDIA A100-SXM4-80GB", memoryMiB: 81920, driver: "535.104.05")])
    static let laptop = MachineRecord(host: "laptop", cpuModel: nil, cpuCount: 8, memoryTotalBytes: nil, gpus: [])

    static func compute(wall: Int64, cpu: Int64, peakGiB: Int64, on machine: MachineRecord) -> ComputeRecord {
        ComputeRecord(wallMilliseconds: wall, userCPUMilliseconds: cpu - 1000, systemCPUMilliseconds: 1000,
                      peakRSSBytes: peakGiB << 30, machine: machine)
    }

    /// sft ran twice (an interrupted first try on the GPU node), ablation once on a laptop,
    /// the judge run was tagged after the fact without compute.
    func analysis() throws -> DisclosureAnalysis {
        let fixture = DisclosureFixture()
        var first: ExperimentRecord?
        var snapshot = fixture.snapshot { record in
            guard case .experiment(var run) = record else { return record }
            switch run.name {
            case fixture.names.sftExperiment:
                run.compute = Self.compute(wall: 7_200_000, cpu: 21_600_000, peakGiB: 32, on: Self.gpuNode)
                var earlier = run
                earlier.startedAt = "2025-02-01T08:00:00Z"
                earlier.outcome = .interrupted
                earlier.interruptedBy = "SIGTERM"
                earlier.compute = Self.compute(wall: 3_600_000, cpu: 3_600_000, peakGiB: 16, on: Self.gpuNode)
                first = earlier
            case fixture.names.ablationExperiment:
                run.compute = Self.compute(wall: 1_800_000, cpu: 1_800_000, peakGiB: 8, on: Self.laptop)
            default:
                break
            }
            return .experiment(run)
        }
        snapshot.add(.experiment(try #require(first)), id: Digest.of("earlier run"), ledger: "main")
        snapshot.sort()
        return try DisclosureAnalysis(snapshot: snapshot)
    }

    @Test func computeItemAnswersPerSectionAndInTotal() throws {
        let analysis = try analysis()
        let item = try #require(Checklist(analysis, venue: .neurips).items.first { $0.id == "compute" })
        #expect(item.answer == .partial)
        #expect(item.justification == """
            “tab:main”: 2 runs (1 failed or interrupted, 1 preliminary): 3.0 h wall time, 7.0 CPU-hours, \
            peak memory 32.0 GiB, on gpu-node-7 (AMD EPYC 7763 64-Core Processor, 128 CPUs, 512.0 GiB memory, \
            2 x NVIDIA A100-SXM4-80GB 80 GiB, driver 535.104.05). “tab:ablation”: 1 run: 0.5 h wall time, \
            0.5 CPU-hours, peak memory 8.0 GiB, on laptop (8 CPUs, no GPU recorded). Experiment eval-judge: 1 run, \
            recorded without a compute record. In total, 4 runs (1 failed or interrupted, 1 preliminary, 1 without \
            a compute record): 3.5 h wall time, 7.5 CPU-hours, peak memory 32.0 GiB.
            """)
    }

    @Test func aaaiInfrastructureItemNamesTheRecordedHardware() throws {
        let item = try #require(Checklist(try analysis(), venue: .aaai).items.first { $0.id == "E1" })
        #expect(item.answer == .partial)
        #expect(item.justification == """
            The ledger records the hardware of the runs: gpu-node-7 (AMD EPYC 7763 64-Core Processor, 128 CPUs, \
            512.0 GiB memory, 2 x NVIDIA A100-SXM4-80GB 80 GiB, driver 535.104.05) and laptop (8 CPUs, no GPU recorded). \
            Software versions are not recorded in the ledger; the authors should state them.
            """)
    }

    @Test func statementJSONCarriesTheComputeSummary() throws {
        let summary = try #require(try analysis().compute)
        #expect(summary.total.runs == 4)
        #expect(summary.total.endedEarly == 1)
        #expect(summary.total.preliminary == 1)
        #expect(summary.total.withoutCompute == 1)
        #expect(summary.total.wallMilliseconds == 12_600_000)
        #expect(summary.total.cpuMilliseconds == 27_000_000)
        #expect(summary.total.peakRSSBytes == 32 << 30)
        #expect(summary.total.machines == [Self.gpuNode, Self.laptop])
        #expect(summary.sections.map(\.usage.runs) == [2, 1, 1])
        // Ledgers without compute records keep their statement bytes: the field is absent.
        #expect(try DisclosureFixture().analysis().compute == nil)
    }

    /// Each figure may be as large as 2^53 - 1 (the record rules); a co-author's 1,100 such runs
    /// pass Int64.max, and the totals stop there instead of stopping the process.
    @Test func totalsOfHugeComputeRecordsSaturate() throws {
        let fixture = DisclosureFixture()
        let huge = ComputeRecord(wallMilliseconds: 9_007_199_254_740_991, userCPUMilliseconds: 9_007_199_254_740_991,
                                 systemCPUMilliseconds: 9_007_199_254_740_991, peakRSSBytes: nil, machine: Self.laptop)
        var snapshot = fixture.snapshot()
        guard let template = snapshot.experiments.first?.value else { Issue.record("the fixture has no experiment"); return }
        for index in 0..<1_100 {
            var run = template
            run.name = "huge-\(index)"
            run.compute = huge
            snapshot.add(.experiment(run), id: Digest.of("huge \(index)"), ledger: template.ledger)
        }
        snapshot.sort()
        let summary = try #require(try DisclosureAnalysis(snapshot: snapshot).compute)
        #expect(summary.total.wallMilliseconds == Int64.max)
        #expect(summary.total.cpuMilliseconds == Int64.max)
        #expect(summary.total.machines == [Self.laptop])
        #expect(summary.total.runs == snapshot.experiments.count)
    }
}
