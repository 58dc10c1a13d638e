import SmartCard
import Testing

@Suite("Command APDU encoding")
struct CommandAPDUTests {
    @Test(
        "the four ISO cases encode and parse back",
        arguments: [
            [0x00, 0xA4, 0x00, 0x0C] as [UInt8],
            [0x00, 0xB0, 0x9C, 0x00, 0x0C],
            [0x00, 0x22, 0x41, 0xA4, 0x02, 0x84, 0x01],
            [0x00, 0x88, 0x00, 0x00, 0x02, 0xAA, 0xBB, 0x00],
        ])
    func roundTrip(bytes: [UInt8]) throws {
        let command = try CommandAPDU(bytes: bytes)
        #expect(try command.encoded() == bytes)
        #expect(command.isoCase == [4: 1, 5: 2, 7: 3, 8: 4][bytes.count])
    }

    @Test("malformed APDUs are typed errors")
    func malformed() {
        #expect(throws: SmartCardError.self) { try CommandAPDU(bytes: [0x00, 0xA4]) }
        #expect(throws: SmartCardError.self) { try CommandAPDU(bytes: [0x00, 0xA4, 0x00, 0x00, 0x05, 0x01]) }
        #expect(throws: SmartCardError.self) {
            try CommandAPDU(ins: 0xD6, p1: 0, p2: 0, data: [UInt8](repeating: 0, count: 300)).encoded()
        }
    }

    @Test("the description never shows the data field")
    func descriptionHidesData() {
        let command = CommandAPDU(ins: 0x20, p1: 0, p2: 1, data: Array("9876".utf8))
        #expect(!command.description.contains("39"))
        #expect(command.description.contains("data hidden"))
    }
}
