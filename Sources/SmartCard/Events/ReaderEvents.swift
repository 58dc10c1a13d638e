/// The stream of reader and card events; each iteration starts its own monitor (own thread and PC/SC context) and
/// first reports the readers and cards already present. Cancelling the consuming task stops the monitor.
public struct ReaderEvents: AsyncSequence, Sendable {
    public typealias Element = ReaderEvent

    public init() {}

    public struct AsyncIterator: AsyncIteratorProtocol {
        var base: AsyncStream<ReaderEvent>.Iterator

        public mutating func next() async -> ReaderEvent? {
            await base.next()
        }

        public mutating func next(isolation actor: isolated (any Actor)?) async -> ReaderEvent? {
            await base.next(isolation: actor)
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        let (stream, continuation) = AsyncStream.makeStream(of: ReaderEvent.self, bufferingPolicy: .unbounded)
        let monitor = ReaderMonitor(continuation: continuation)
        continuation.onTermination = { _ in
            monitor.stop()
        }
        monitor.start()
        return AsyncIterator(base: stream.makeAsyncIterator())
    }
}
