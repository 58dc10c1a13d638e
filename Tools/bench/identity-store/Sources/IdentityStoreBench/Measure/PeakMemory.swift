import Foundation

/// The process's peak resident set size (`VmHWM` in `/proc/self/status`), in MiB. Each phase runs in its own
/// process, so the figure is that phase's peak.
enum PeakMemory {
    static func mebibytes() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return -1 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let digits = line.split(separator: " ").compactMap { Double($0) }
            return (digits.first ?? -1) / 1024
        }
        return -1
    }
}
