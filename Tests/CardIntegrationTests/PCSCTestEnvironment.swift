import Foundation
import SmartCard
import Testing

/// The running pcscd + virtual-cps that `Tools/test.d/40-card.sh` prepared (see that script for the variables).
enum PCSCTestEnvironment {
    static let environment = ProcessInfo.processInfo.environment
    static let enabled = environment["PASSERELLE_PCSCD"] == "1"
    static let virtualCPS = environment["VIRTUAL_CPS"] ?? "virtual-cps"
    static let control = environment["VIRTUAL_CPS_CONTROL"] ?? "/tmp/virtual-cps.sock"
    static let pcscdPIDFile = environment["PASSERELLE_PCSCD_PIDFILE"] ?? ""
    static let reader0 = "Virtual PCD 00 00"
    static let reader1 = "Virtual PCD 00 01"

    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
    }

    /// Runs `virtual-cps ctl …`; fails the test when the simulator refuses.
    @discardableResult
    static func ctl(_ arguments: String...) throws -> String {
        let output = try run(virtualCPS, ["ctl", "--control", control] + arguments)
        guard output.status == 0 else {
            throw Failure("virtual-cps ctl \(arguments.joined(separator: " ")) failed: \(output.text)")
        }
        return output.text
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, text: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) {
            self.description = description
        }
    }

    /// Connects once a card is present in `reader` (pcscd polls vpcd, so insertion takes a moment).
    static func connect(_ reader: String, timeout: Duration = .seconds(10)) async throws -> PCSCConnection {
        let deadline = ContinuousClock.now + timeout
        while true {
            do {
                return try await PCSCConnection.connect(reader: reader)
            } catch {
                if ContinuousClock.now > deadline {
                    throw error
                }
                try await Task.sleep(for: .milliseconds(200))
            }
        }
    }

    /// Starts a fresh event sequence, runs `action` once it reports, and waits until `predicate` accepts the events
    /// seen so far.
    static func waitForEvent(
        timeout: Duration = .seconds(15), _ predicate: @escaping @Sendable (_ seen: [ReaderEvent]) -> Bool,
        after action: @Sendable () async throws -> Void = {}
    ) async throws -> [ReaderEvent] {
        try await withThrowingTaskGroup(of: [ReaderEvent]?.self) { group in
            let (ready, readyContinuation) = AsyncStream.makeStream(of: Void.self)
            group.addTask {
                var seen: [ReaderEvent] = []
                for await event in ReaderEvents() {
                    seen.append(event)
                    readyContinuation.yield()
                    if predicate(seen) {
                        return seen
                    }
                }
                return nil
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            var iterator = ready.makeAsyncIterator()
            _ = await iterator.next()
            try await Task.sleep(for: .milliseconds(300))
            try await action()
            let result = try await group.next() ?? nil
            group.cancelAll()
            guard let events = result else {
                throw Failure("timed out waiting for a reader event")
            }
            return events
        }
    }
}
