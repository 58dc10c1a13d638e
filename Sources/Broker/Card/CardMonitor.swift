import CPS
import Foundation
import Logging
import SmartCard

/// Follows the readers: reads the holder of each inserted card, keeps the `CPSCard` for PIN checks, tells the
/// session manager about removals and pushes state changes to the login pages (SSE). With several readers the
/// login uses the card inserted first that is still present.
actor CardMonitor {
    private let source: any CardSource
    private let onRemoved: @Sendable (String) -> Void
    private var state: CardState = .absent
    private var cards: [(reader: String, cps: CPSCard, summary: CardSummary)] = []
    private var card: (reader: String, cps: CPSCard, summary: CardSummary)? { cards.first }
    private var subscribers: [UUID: AsyncStream<CardState>.Continuation] = [:]
    private var task: Task<Void, Never>?
    private let logger = Logger(label: "passerelle.broker.card")

    init(source: any CardSource, onRemoved: @escaping @Sendable (String) -> Void) {
        self.source = source
        self.onRemoved = onRemoved
    }

    func start() {
        guard task == nil else { return }
        let stream = source.events()
        task = Task { [weak self] in
            for await event in stream {
                await self?.handle(event)
            }
        }
    }

    func stop() {
        task?.cancel()
        task = nil
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
    }

    var current: CardState { state }

    var presentCard: CardSummary? { card?.summary }

    /// A stream of states for one SSE client, starting with the current one.
    func subscribe() -> AsyncStream<CardState> {
        let (stream, continuation) = AsyncStream.makeStream(of: CardState.self, bufferingPolicy: .bufferingNewest(4))
        let id = UUID()
        continuation.yield(state)
        subscribers[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.unsubscribe(id) }
        }
        return stream
    }

    private func unsubscribe(_ id: UUID) {
        subscribers[id] = nil
    }

    private func publish(_ new: CardState) {
        state = new
        for continuation in subscribers.values { continuation.yield(new) }
    }

    private func handle(_ event: CardSourceEvent) async {
        switch event {
        case .inserted(let reader, let channel):
            removeCard(in: reader)
            if card == nil { publish(.reading) }
            do throws(CPSError) {
                let cps = try CPSCard(channel: channel)
                let identity = try await cps.readIdentity()
                let summary = CardSummary(
                    reader: reader, serial: identity.serial, nationalID: identity.holder.nationalID,
                    givenName: identity.holder.givenName, familyName: identity.holder.familyName,
                    profession: identity.holder.profession)
                cards.append((reader, cps, summary))
                BrokerMetrics.cardEvent("inserted")
                publishCurrent()
            } catch {
                logger.warning("card not usable", metadata: ["code": "\(error.code)"])
                BrokerMetrics.cardEvent("unusable")
                if card == nil { publish(.unusable(error.userMessage)) }
            }
        case .removed(let reader):
            BrokerMetrics.cardEvent("removed")
            removeCard(in: reader)
            publishCurrent()
        case .unavailable:
            BrokerMetrics.cardEvent("unavailable")
            let gone = cards
            cards = []
            for entry in gone { onRemoved(entry.summary.serial) }
            publish(.serviceUnavailable)
        }
    }

    private func removeCard(in reader: String) {
        let gone = cards.filter { $0.reader == reader }
        cards.removeAll { $0.reader == reader }
        for entry in gone { onRemoved(entry.summary.serial) }
    }

    private func publishCurrent() {
        publish(card.map { .present($0.summary) } ?? .absent)
    }

    /// Tries left on the present card, without spending one.
    func pinStatus() async throws(CPSError) -> PINStatus {
        guard let card else { throw .card(.noCard) }
        return try await card.cps.pinStatus()
    }

    /// Sends the PIN once to the present card (the card's own counter and confirmation rule apply).
    func verifyPIN(_ pin: consuming CardPIN, confirmLastTry: Bool) async throws(CPSError) -> CardSummary {
        guard let card else { throw .card(.noCard) }
        try await card.cps.verifyPIN(pin, confirmLastTry: confirmLastTry)
        return card.summary
    }
}
