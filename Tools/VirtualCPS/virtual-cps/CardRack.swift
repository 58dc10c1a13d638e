import Synchronization
import VirtualCPSCard

/// The cards and reader slots of the simulator, shared between the slot threads and the control socket.
///
/// A card's engine lives here, not in the slot, so its try counter survives removal and moving to another reader.
final class CardRack: Sendable {
    struct Slot: Sendable {
        var cardID: String?
        var inserted = false
        var faults = FaultPlan()
        /// Bumped on every insert/remove so a slot thread notices changes it must act on.
        var generation = 0
    }

    private struct State: Sendable {
        var engines: [String: CardEngine]
        var order: [String]
        var slots: [Slot]
    }

    private let state: Mutex<State>

    init(engines: [CardEngine], readers: Int) {
        var slots = [Slot](repeating: Slot(), count: readers)
        for index in slots.indices where index < engines.count {
            slots[index].cardID = engines[index].content.id
        }
        state = Mutex(
            State(
                engines: Dictionary(uniqueKeysWithValues: engines.map { ($0.content.id, $0) }),
                order: engines.map(\.content.id), slots: slots))
    }

    var readerCount: Int { state.withLock { $0.slots.count } }

    func slot(_ index: Int) -> Slot {
        state.withLock { $0.slots[index] }
    }

    /// Runs `body` on the engine of the card in `reader`, if one is inserted.
    func withEngine<T>(reader: Int, _ body: (inout CardEngine, inout FaultPlan) -> T) -> T? {
        state.withLock { state in
            guard state.slots[reader].inserted, let id = state.slots[reader].cardID,
                var engine = state.engines[id]
            else {
                return nil
            }
            let result = body(&engine, &state.slots[reader].faults)
            state.engines[id] = engine
            return result
        }
    }

    enum ControlError: Error, CustomStringConvertible {
        case unknownCard(String)
        case badReader(Int)
        case cardInOtherReader(String, Int)

        var description: String {
            switch self {
            case .unknownCard(let id): return "unknown card \(id)"
            case .badReader(let index): return "no reader slot \(index)"
            case .cardInOtherReader(let id, let index): return "card \(id) is already in reader \(index)"
            }
        }
    }

    func insert(reader: Int, cardID: String?) throws {
        try state.withLock { state in
            guard state.slots.indices.contains(reader) else {
                throw ControlError.badReader(reader)
            }
            let id = cardID ?? state.slots[reader].cardID
            guard let id, state.engines[id] != nil else {
                throw ControlError.unknownCard(cardID ?? "(none selected)")
            }
            if let other = state.slots.indices.first(where: {
                $0 != reader && state.slots[$0].inserted && state.slots[$0].cardID == id
            }) {
                throw ControlError.cardInOtherReader(id, other)
            }
            state.slots[reader].cardID = id
            state.slots[reader].inserted = true
            state.slots[reader].generation += 1
            state.engines[id]?.reset()
        }
    }

    func remove(reader: Int) throws {
        try state.withLock { state in
            guard state.slots.indices.contains(reader) else {
                throw ControlError.badReader(reader)
            }
            state.slots[reader].inserted = false
            state.slots[reader].faults = FaultPlan()
            state.slots[reader].generation += 1
        }
    }

    /// Swaps the card in `reader` (pull the old one, push the new one).
    func select(reader: Int, cardID: String) throws {
        try remove(reader: reader)
        try insert(reader: reader, cardID: cardID)
    }

    func updateFaults(reader: Int, _ update: (inout FaultPlan) -> Void) throws {
        try state.withLock { state in
            guard state.slots.indices.contains(reader) else {
                throw ControlError.badReader(reader)
            }
            update(&state.slots[reader].faults)
        }
    }

    /// Marks the card removed by a fault (the slot thread drops the connection).
    func faultRemoved(reader: Int) {
        state.withLock { state in
            state.slots[reader].inserted = false
            state.slots[reader].faults = FaultPlan()
            state.slots[reader].generation += 1
        }
    }

    func statusJSON() -> String {
        state.withLock { state in
            let slots = state.slots.enumerated().map { index, slot in
                let card = slot.cardID.map { "\"\($0)\"" } ?? "null"
                let tries = slot.cardID.flatMap { state.engines[$0]?.pinTriesLeft }.map(String.init) ?? "null"
                return "{\"reader\":\(index),\"card\":\(card),\"inserted\":\(slot.inserted),\"pinTriesLeft\":\(tries)}"
            }
            let cards = state.order.map { "\"\($0)\"" }.joined(separator: ",")
            return "{\"ok\":true,\"cards\":[\(cards)],\"readers\":[\(slots.joined(separator: ","))]}"
        }
    }
}
