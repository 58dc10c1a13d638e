import Foundation
import Testing
import VirtualCPSCard

@Suite("Virtual CPS3 card engine")
struct CardEngineTests {
    static func engine() throws -> CardEngine {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let catalog = try CardCatalog.load(from: repository.appendingPathComponent("Certs/cards/cards.json"))
        return try CardEngine(content: try #require(catalog.cards.first))
    }

    @Test("READ BINARY answers 6Cxx when Le exceeds the file, like a T=0 card")
    func wrongLe() throws {
        var card = try Self.engine()
        #expect(card.process([0x00, 0xB0, 0x9C, 0x00, 0x00]) == [0x6C, 0x0C])
        let serial = card.process([0x00, 0xB0, 0x9C, 0x00, 0x0C])
        #expect(Array(serial.prefix(7)) == [0x5A, 0x0A, 0x80, 0x25, 0x00, 0x00, 0x01])
        #expect(Array(serial.suffix(2)) == [0x90, 0x00])
    }

    @Test("SELECT with FCP answers 61xx, GET RESPONSE delivers it")
    func selectFCP() throws {
        var card = try Self.engine()
        let aid: [UInt8] = [0xE8, 0x28, 0xBD, 0x08, 0x0F, 0x80, 0x25, 0x00, 0x00, 0x01, 0xFF, 0x00, 0x10]
        let answer = card.process([0x00, 0xA4, 0x04, 0x04, 0x0D] + aid)
        #expect(answer.first == 0x61)
        let fcp = card.process([0x00, 0xC0, 0x00, 0x00, answer[1]])
        #expect(fcp.first == 0x62)
        #expect(card.process([0x00, 0xC0, 0x00, 0x00, 0x01]) == [0x69, 0x85])
    }

    @Test("tries survive a reset, the verified state does not; 0 tries = blocked")
    func pinCounter() throws {
        var card = try Self.engine()
        let wrong: [UInt8] = [0x00, 0x20, 0x00, 0x01, 0x08] + Array("9999".utf8) + [UInt8](repeating: 0xFF, count: 4)
        let right: [UInt8] = [0x00, 0x20, 0x00, 0x01, 0x08] + Array("1234".utf8) + [UInt8](repeating: 0xFF, count: 4)
        #expect(card.process(wrong) == [0x63, 0xC2])
        card.reset()
        #expect(card.pinTriesLeft == 2)
        #expect(card.process(right) == [0x90, 0x00])
        #expect(card.isPINVerified)
        card.reset()
        #expect(!card.isPINVerified)
        #expect(card.process(wrong) == [0x63, 0xC2])
        #expect(card.process(wrong) == [0x63, 0xC1])
        #expect(card.process(wrong) == [0x63, 0xC0])
        #expect(card.process(right) == [0x69, 0x83])
        #expect(card.process([0x00, 0x20, 0x00, 0x01]) == [0x69, 0x83])
    }

    @Test("unknown instructions and classes are refused, truncated APDUs do not crash")
    func refusals() throws {
        var card = try Self.engine()
        #expect(card.process([0x00, 0xFE, 0x00, 0x00]) == [0x6D, 0x00])
        #expect(card.process([0x80, 0xB0, 0x00, 0x00, 0x01]) == [0x6E, 0x00])
        #expect(card.process([0x00]) == [0x67, 0x00])
        #expect(card.process([0x00, 0x88, 0x00, 0x00, 0x01, 0x00]) == [0x69, 0x85])
    }
}
