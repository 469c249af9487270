/// The one-line progress display `repro` draws on a terminal's stderr.
public enum ProgressLine {
    /// `1.2 GiB / 4.0 GiB  30%  1.9 GiB/s  ETA 2s`; pure so it can be tested.
    public static func render(done: Int64, total: Int64, elapsedSeconds: Double) -> String {
        let rate = elapsedSeconds > 0 ? Double(done) / elapsedSeconds : 0
        let percent = total > 0 ? Int((Double(done) / Double(total) * 100).rounded(.down)) : 100
        var line = "\(bytes(done)) / \(bytes(total))  \(percent)%  \(bytes(Int64(rate)))/s"
        if rate > 0 && total > done {
            line += "  ETA \(duration(Double(total - done) / rate))"
        }
        return line
    }

    /// Binary units with one decimal, as `ls -h` readers expect.
    public static func bytes(_ count: Int64) -> String {
        let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"]
        var value = Double(count)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        if unit == 0 { return "\(count) B" }
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10) \(units[unit])"
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return "\(whole / 60)m\(twoDigits(whole % 60))s" }
        return "\(whole / 3600)h\(twoDigits(whole % 3600 / 60))m"
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
