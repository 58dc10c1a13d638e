import CPCSCLite
import Foundation

/// Watches readers and cards with `SCardGetStatusChange` on its own thread and context.
///
/// The wait blocks, so it never runs on the cooperative pool; `stop()` interrupts it with `SCardCancel` from the
/// caller's thread (the one pcsc-lite call allowed concurrently on a context). The context is re-established when
/// pcscd stops or restarts; the `\\?PnP?\Notification` pseudo-reader reports readers appearing and disappearing.
final class ReaderMonitor: @unchecked Sendable {
    private let continuation: AsyncStream<ReaderEvent>.Continuation
    private let lock = NSCondition()
    private var stopped = false
    /// The context the thread is waiting on, published for `SCardCancel`; guarded by `lock`.
    private var waitingContext: SCARDCONTEXT?

    /// Safety net for the small window where a cancel can arrive before the wait starts.
    static let waitTimeoutMilliseconds: DWORD = 2_000
    static let plugAndPlayReader = "\\\\?PnP?\\Notification"

    init(continuation: AsyncStream<ReaderEvent>.Continuation) {
        self.continuation = continuation
    }

    func start() {
        let thread = Thread { [self] in
            self.run()
        }
        thread.name = "pcsc-monitor"
        thread.start()
    }

    func stop() {
        lock.lock()
        stopped = true
        if let waitingContext {
            _ = SCardCancel(waitingContext)
        }
        lock.broadcast()
        lock.unlock()
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    /// Sleeps up to `seconds`, returning early when stopped.
    private func pause(_ seconds: Double) {
        lock.lock()
        if !stopped {
            _ = lock.wait(until: Date(timeIntervalSinceNow: seconds))
        }
        lock.unlock()
    }

    private func emit(_ events: [ReaderEvent]) {
        for event in events {
            continuation.yield(event)
        }
    }

    private func publish(_ context: SCARDCONTEXT?) {
        lock.lock()
        waitingContext = context
        lock.unlock()
    }

    private func run() {
        var loop = MonitorLoop()
        while !isStopped {
            step(&loop)
        }
        if let context = loop.context {
            publish(nil)
            _ = SCardReleaseContext(context)
        }
        continuation.finish()
    }

    private struct MonitorLoop {
        var tracker = ReaderStateTracker()
        var context: SCARDCONTEXT?
        var serviceUp: Bool?
        var needsReaderList = true
        var plugAndPlayState: DWORD = 0
        var backoff = 0.1
    }

    private func step(_ loop: inout MonitorLoop) {
        guard let context = loop.context ?? establish(&loop) else {
            return
        }
        if loop.needsReaderList {
            do {
                let names = try PCSCContext.listReaders(context)
                emit(loop.tracker.updateReaderList(names))
                loop.needsReaderList = false
            } catch SmartCardError.noReaders {
                emit(loop.tracker.updateReaderList([]))
                loop.needsReaderList = false
            } catch {
                drop(&loop, because: error)
                return
            }
        }
        wait(&loop, context: context)
    }

    private func establish(_ loop: inout MonitorLoop) -> SCARDCONTEXT? {
        var context: SCARDCONTEXT = 0
        let status = SCardEstablishContext(DWORD(SCARD_SCOPE_SYSTEM), nil, nil, &context)
        guard status == SCARD_S_SUCCESS else {
            if loop.serviceUp != false {
                emit(loop.tracker.serviceLost())
                emit([.serviceUnavailable])
                loop.serviceUp = false
            }
            pause(loop.backoff)
            loop.backoff = min(loop.backoff * 2, 1.0)
            return nil
        }
        loop.context = context
        publish(context)
        loop.backoff = 0.1
        loop.needsReaderList = true
        loop.plugAndPlayState = 0
        if loop.serviceUp != true {
            emit([.serviceAvailable])
            loop.serviceUp = true
        }
        return context
    }

    private func drop(_ loop: inout MonitorLoop, because error: SmartCardError) {
        if let context = loop.context {
            publish(nil)
            _ = SCardReleaseContext(context)
        }
        loop.context = nil
        if case .serviceUnavailable = error {
            emit(loop.tracker.serviceLost())
            emit([.serviceUnavailable])
            loop.serviceUp = false
        }
        pause(loop.backoff)
        loop.backoff = min(loop.backoff * 2, 1.0)
    }

    private func wait(_ loop: inout MonitorLoop, context: SCARDCONTEXT) {
        let names = loop.tracker.readerNames
        let watched = names + [Self.plugAndPlayReader]
        let cNames = watched.map { strdup($0) }
        defer {
            for name in cNames {
                free(name)
            }
        }
        var states = [SCARD_READERSTATE](repeating: SCARD_READERSTATE(), count: watched.count)
        for index in watched.indices {
            states[index].szReader = UnsafePointer(cNames[index])
            states[index].dwCurrentState =
                index < names.count ? DWORD(loop.tracker.currentState(of: names[index])) : loop.plugAndPlayState
        }
        let status = PCSCStatus(
            raw: SCardGetStatusChange(context, Self.waitTimeoutMilliseconds, &states, DWORD(states.count)))
        switch status {
        case .success:
            for index in names.indices {
                let event = states[index].dwEventState
                guard event & DWORD(SCARD_STATE_CHANGED) != 0 else {
                    continue
                }
                if event & DWORD(SCARD_STATE_UNKNOWN) != 0 {
                    loop.needsReaderList = true
                }
                let atr = Self.atr(of: states[index])
                emit(
                    loop.tracker.update(reader: names[index], eventState: UInt32(truncatingIfNeeded: event), atr: atr))
            }
            let plugAndPlay = states[names.count].dwEventState
            if plugAndPlay & DWORD(SCARD_STATE_CHANGED) != 0 {
                loop.needsReaderList = true
            }
            loop.plugAndPlayState = plugAndPlay & ~DWORD(SCARD_STATE_CHANGED)
        case .timeout, .cancelled:
            break
        case .unknownReader, .readerUnavailable:
            loop.needsReaderList = true
        default:
            drop(&loop, because: SmartCardError(status: status) ?? .pcsc(status))
        }
    }

    private static func atr(of state: SCARD_READERSTATE) -> [UInt8] {
        var copy = state
        let length = min(Int(copy.cbAtr), Int(MAX_ATR_SIZE))
        return withUnsafeBytes(of: &copy.rgbAtr) { Array($0.prefix(length)) }
    }
}
