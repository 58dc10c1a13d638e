import Testing

@testable import SmartCard

@Suite("Reader state tracking")
struct ReaderStateTrackerTests {
    let present: UInt32 = 0x0020 | 0x0002
    let empty: UInt32 = 0x0010 | 0x0002
    let atr: [UInt8] = [0x3B, 0xAC]

    @Test("readers appearing and disappearing, with their cards")
    func readers() {
        var tracker = ReaderStateTracker()
        #expect(tracker.updateReaderList(["A", "B"]) == [.readerAdded(reader: "A"), .readerAdded(reader: "B")])
        #expect(
            tracker.update(reader: "A", eventState: present | 1 << 16, atr: atr) == [
                .cardInserted(reader: "A", atr: atr)
            ])
        #expect(tracker.updateReaderList(["B"]) == [.cardRemoved(reader: "A"), .readerRemoved(reader: "A")])
        #expect(tracker.serviceLost() == [.readerRemoved(reader: "B")])
    }

    @Test("remove then reinsert between two polls is seen through the event counter")
    func removeReinsert() {
        var tracker = ReaderStateTracker()
        _ = tracker.updateReaderList(["A"])
        _ = tracker.update(reader: "A", eventState: present | 1 << 16, atr: atr)
        let events = tracker.update(reader: "A", eventState: present | 3 << 16, atr: atr)
        #expect(events == [.cardRemoved(reader: "A"), .cardInserted(reader: "A", atr: atr)])
        #expect(tracker.update(reader: "A", eventState: present | 3 << 16, atr: atr).isEmpty)
        #expect(tracker.update(reader: "A", eventState: empty | 4 << 16, atr: []) == [.cardRemoved(reader: "A")])
        #expect(tracker.currentState(of: "A") & 0x0002 == 0)
    }

    @Test("the PC/SC multi-string of reader names is split")
    func multiString() {
        let buffer: [CChar] = Array("Virtual PCD 00 00\0Virtual PCD 00 01\0\0".utf8CString.map { $0 })
        #expect(PCSCContext.parseMultiString(buffer) == ["Virtual PCD 00 00", "Virtual PCD 00 01"])
    }
}
