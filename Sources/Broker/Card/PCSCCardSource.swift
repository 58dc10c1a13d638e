import Logging
import SmartCard

/// Cards through pcscd (`SmartCard.ReaderEvents`), connecting in shared mode when a card is inserted.
public struct PCSCCardSource: CardSource {
    public init() {}

    public func events() -> AsyncStream<CardSourceEvent> {
        AsyncStream { continuation in
            let task = Task {
                let logger = Logger(label: "passerelle.broker.card")
                let system = SmartCardSystem()
                for await event in system.events() {
                    switch event {
                    case .cardInserted(let reader, _):
                        do {
                            let connection = try await system.connect(reader: reader)
                            continuation.yield(.inserted(reader: reader, channel: connection))
                        } catch {
                            logger.warning("cannot connect to the card", metadata: ["detail": "\(error)"])
                        }
                    case .cardRemoved(let reader), .readerRemoved(let reader):
                        continuation.yield(.removed(reader: reader))
                    case .serviceUnavailable:
                        continuation.yield(.unavailable)
                    case .readerAdded, .serviceAvailable:
                        continue
                    }
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}
