import Foundation

/// A dedicated OS thread that runs blocking pcsc-lite calls one after another.
///
/// pcsc-lite calls block (a transaction waits for other applications, a transmit waits for the card), and the Swift
/// cooperative pool has one thread per core: blocking it would stall unrelated tasks. Every PC/SC call therefore runs
/// here, and async callers are resumed through a continuation.
final class PCSCThread: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var stopping = false

    init(name: String) {
        let thread = Thread { [self] in
            self.loop()
        }
        thread.name = name
        thread.start()
    }

    /// Runs `body` on the thread; fails with `connectionLost` once the thread has been stopped.
    func run<T: Sendable>(
        _ body: @escaping @Sendable () -> Result<T, SmartCardError>
    ) async throws(SmartCardError) -> T {
        let result: Result<T, SmartCardError> = await withCheckedContinuation { continuation in
            let accepted = enqueue {
                continuation.resume(returning: body())
            }
            if !accepted {
                continuation.resume(returning: .failure(.connectionLost(.invalidHandle)))
            }
        }
        return try result.get()
    }

    /// Queues `job`; returns false when the thread is stopping and the job will never run.
    @discardableResult
    func enqueue(_ job: @escaping @Sendable () -> Void) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !stopping else {
            return false
        }
        jobs.append(job)
        condition.signal()
        return true
    }

    /// Lets queued jobs finish, then ends the thread.
    func stop() {
        condition.lock()
        stopping = true
        condition.signal()
        condition.unlock()
    }

    private func loop() {
        while true {
            condition.lock()
            while jobs.isEmpty && !stopping {
                condition.wait()
            }
            if jobs.isEmpty {
                condition.unlock()
                return
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job()
        }
    }
}
