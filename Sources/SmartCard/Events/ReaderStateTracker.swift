/// Turns successive PC/SC reader states into events; pure so the tricky cases are unit-tested without pcscd.
///
/// The key rule: the high 16 bits of `dwEventState` count insertions and removals. If the counter moved while the
/// card is present before and after, the card was pulled and reinserted between two polls: report both.
struct ReaderStateTracker: Sendable {
    struct Snapshot: Sendable, Hashable {
        var present: Bool
        var atr: [UInt8]
        var counter: UInt16
        /// The raw event state to pass back as `dwCurrentState` on the next wait.
        var eventState: UInt32
    }

    static let stateChanged: UInt32 = 0x0002
    static let stateUnknown: UInt32 = 0x0004
    static let stateUnavailable: UInt32 = 0x0008
    static let statePresent: UInt32 = 0x0020

    private(set) var readers: [String: Snapshot?] = [:]

    var readerNames: [String] { readers.keys.sorted() }

    /// The `dwCurrentState` to use for `reader` (0 = unaware, for a reader not yet seen).
    func currentState(of reader: String) -> UInt32 {
        (readers[reader] ?? nil)?.eventState ?? 0
    }

    mutating func updateReaderList(_ names: [String]) -> [ReaderEvent] {
        var events: [ReaderEvent] = []
        for name in readers.keys.sorted() where !names.contains(name) {
            if readers[name]??.present == true {
                events.append(.cardRemoved(reader: name))
            }
            readers[name] = nil
            events.append(.readerRemoved(reader: name))
        }
        for name in names where readers[name] == nil {
            readers[name] = .some(nil)
            events.append(.readerAdded(reader: name))
        }
        return events
    }

    mutating func update(reader: String, eventState: UInt32, atr: [UInt8]) -> [ReaderEvent] {
        guard let previousEntry = readers[reader] else {
            return []
        }
        let present =
            eventState & Self.statePresent != 0
            && eventState & (Self.stateUnknown | Self.stateUnavailable) == 0
        let snapshot = Snapshot(
            present: present, atr: present ? atr : [], counter: UInt16(truncatingIfNeeded: eventState >> 16),
            eventState: eventState & ~Self.stateChanged)
        readers[reader] = snapshot
        let wasPresent = previousEntry?.present ?? false
        var events: [ReaderEvent] = []
        switch (wasPresent, present) {
        case (true, false):
            events.append(.cardRemoved(reader: reader))
        case (false, true):
            events.append(.cardInserted(reader: reader, atr: snapshot.atr))
        case (true, true):
            if let previous = previousEntry, previous.counter != snapshot.counter || previous.atr != snapshot.atr {
                events.append(.cardRemoved(reader: reader))
                events.append(.cardInserted(reader: reader, atr: snapshot.atr))
            }
        case (false, false):
            break
        }
        return events
    }

    /// pcscd went away: every card and reader is gone.
    mutating func serviceLost() -> [ReaderEvent] {
        updateReaderList([])
    }
}
