import Testing
import LedgerCore
@testable import ReproKit

/// strace's output as it really comes: interleaved pids, split calls, escapes, failures.
@Suite struct StraceLogTests {
    @Test func readsWritesAndRenamesAreTakenFromSuccessfulCalls() {
        let log = StraceLog("""
            100 openat(AT_FDCWD</work>, "data/train.bin", O_RDONLY|O_CLOEXEC) = 3</work/data/train.bin>
            100 openat(AT_FDCWD</work>, "/missing", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory)
            100 openat(AT_FDCWD</work>, "out/log.txt", O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0666) = 4</work/out/log.txt>
            100 openat(AT_FDCWD</work>, "db", O_RDWR|O_CREAT, 0644) = 5</work/db>
            100 openat(AT_FDCWD</work>, "data", O_RDONLY|O_NONBLOCK|O_CLOEXEC|O_DIRECTORY) = 6</work/data>
            100 rename("out/tmp", "out/final") = 0
            100 +++ exited with 0 +++

            """)
        #expect(log.accesses == [
            TracedAccess(path: "/work/data/train.bin", mode: .read),
            TracedAccess(path: "/work/out/log.txt", mode: .write),
            TracedAccess(path: "/work/db", mode: .readWrite),
            TracedAccess(path: "/work/out/final", mode: .write),
        ])
    }

    @Test func unfinishedCallsAreJoinedWithTheirResumptionPerPid() {
        let log = StraceLog("""
            7 openat(AT_FDCWD</w>, "/w/a.bin", O_RDONLY <unfinished ...>
            8 openat(AT_FDCWD</w>, "/w/b.bin", O_RDONLY|O_CLOEXEC <unfinished ...>
            7 <... openat resumed>) = 3</w/a.bin>
            8 <... openat resumed>) = -1 EACCES (Permission denied)
            9 <... openat resumed>) = 4</w/never-started.bin>

            """)
        #expect(log.accesses == [TracedAccess(path: "/w/a.bin", mode: .read)])
    }

    @Test func quotedPathsWithEscapesComeBackAsTheirBytes() {
        let log = StraceLog(#"""
            1 openat(AT_FDCWD</t>, "a b\"c\n.txt", O_RDONLY) = 3</t/a b\"c\n.txt>
            1 openat(AT_FDCWD</t>, "/t/caf\303\251 O_WRONLY.txt", O_RDONLY) = 4
            1 open("/t/\x41\\z", O_RDONLY) = 5

            """#)
        #expect(log.accesses == [
            TracedAccess(path: "/t/a b\"c\n.txt", mode: .read),
            TracedAccess(path: "/t/café O_WRONLY.txt", mode: .read),
            TracedAccess(path: "/t/A\\z", mode: .read),
        ])
    }
}

@Suite struct MachineProbeTests {
    @Test func cpuMemoryAndGPUsAreReadFromTheirSources() {
        #expect(MachineProbe.cpuModel("processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 7763 64-Core Processor\n")
                == "AMD EPYC 7763 64-Core Processor")
        #expect(MachineProbe.cpuModel("processor\t: 0\n") == nil)
        #expect(MachineProbe.memoryTotal("MemTotal:       16318480 kB\nMemFree: 1 kB\n") == Int64(16_318_480) * 1024)
        #expect(MachineProbe.parseGPUs("NVIDIA A100-SXM4-80GB, 81920 MiB, 535.104.05\nNVIDIA A100-SXM4-80GB, [N/A], 535.104.05\n")
                == [GPURecord(name: "NVIDIA A100-SXM4-80GB", memoryMiB: 81920, driver: "535.104.05"),
                    GPURecord(name: "NVIDIA A100-SXM4-80GB", memoryMiB: nil, driver: "535.104.05")])
        #expect(MachineProbe.parseGPUs("") == [])
    }

    @Test func absentNvidiaSmiMeansNoGPURecorded() {
        #expect(MachineProbe.gpus(environment: ["PATH": "/nonexistent"]) == [])
    }
}
