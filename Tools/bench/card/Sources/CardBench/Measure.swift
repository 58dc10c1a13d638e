import Foundation
import SmartCard

enum Clock {
    static func milliseconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    }
}

extension Array where Element == Double {
    var median: Double {
        guard !isEmpty else { return .nan }
        let sorted = self.sorted()
        return sorted[sorted.count / 2]
    }
}

func format(_ value: Double, _ digits: Int = 2) -> String {
    String(format: "%.\(digits)f", value)
}

/// Runs `virtual-cps ctl …` (the card side of vpcd).
func ctl(_ arguments: String...) throws {
    let environment = ProcessInfo.processInfo.environment
    let process = Process()
    process.executableURL = URL(fileURLWithPath: environment["VIRTUAL_CPS"] ?? "virtual-cps")
    process.arguments = ["ctl", "--control", environment["VIRTUAL_CPS_CONTROL"] ?? "/tmp/virtual-cps.sock"] + arguments
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
}

/// One reader-event monitor for the whole run; waits hand out the next matching event and when it arrived.
actor EventWaiter {
    private var buffered: [(ReaderEvent, ContinuousClock.Instant)] = []
    private var waiter:
        (predicate: @Sendable (ReaderEvent) -> Bool, continuation: CheckedContinuation<ContinuousClock.Instant, Never>)?

    func start() {
        Task {
            for await event in SmartCardSystem().events() {
                self.deliver(event, at: .now)
            }
        }
    }

    private func deliver(_ event: ReaderEvent, at instant: ContinuousClock.Instant) {
        if let waiter, waiter.predicate(event) {
            self.waiter = nil
            waiter.continuation.resume(returning: instant)
            return
        }
        buffered.append((event, instant))
    }

    func clear() {
        buffered.removeAll()
    }

    func next(_ predicate: @escaping @Sendable (ReaderEvent) -> Bool) async -> ContinuousClock.Instant {
        if let index = buffered.firstIndex(where: { predicate($0.0) }) {
            let instant = buffered[index].1
            buffered.removeSubrange(...index)
            return instant
        }
        return await withCheckedContinuation { continuation in
            waiter = (predicate, continuation)
        }
    }
}
