import SmartCard
import Testing

@Suite("T=0 transport rules")
struct APDUTransportTests {
    @Test("case 4 goes out without Le over T=0, data comes back through 61xx and GET RESPONSE")
    func case4ThenGetResponse() async throws {
        let channel = ScriptedChannel(replies: [[0x61, 0x03], [0x01, 0x02, 0x03, 0x90, 0x00]])
        let response = try await APDUTransport(channel: channel).send(
            CommandAPDU(ins: 0xA4, p1: 0x04, p2: 0x04, data: [0xE8, 0x28], le: 256))
        #expect(channel.sent == [[0x00, 0xA4, 0x04, 0x04, 0x02, 0xE8, 0x28], [0x00, 0xC0, 0x00, 0x00, 0x03]])
        #expect(response.data == [0x01, 0x02, 0x03])
        #expect(response.status == .success)
    }

    @Test("case 4 keeps its Le over T=1")
    func case4OverT1() async throws {
        let channel = ScriptedChannel(replies: [[0x90, 0x00]], protocol: .t1)
        _ = try await APDUTransport(channel: channel).send(CommandAPDU(ins: 0x88, p1: 0, p2: 0, data: [1], le: 256))
        #expect(channel.sent == [[0x00, 0x88, 0x00, 0x00, 0x01, 0x01, 0x00]])
    }

    @Test("6Cxx: the command is sent again with Le = xx")
    func wrongLength() async throws {
        let channel = ScriptedChannel(replies: [[0x6C, 0x02], [0xAA, 0xBB, 0x90, 0x00]])
        let response = try await APDUTransport(channel: channel).send(CommandAPDU(ins: 0xB0, p1: 0, p2: 0, le: 256))
        #expect(channel.sent == [[0x00, 0xB0, 0x00, 0x00, 0x00], [0x00, 0xB0, 0x00, 0x00, 0x02]])
        #expect(response.data == [0xAA, 0xBB])
    }

    @Test("chained 61xx responses are concatenated, GET RESPONSE 00 asks for 256")
    func chained() async throws {
        let first = [UInt8](repeating: 1, count: 256)
        let channel = ScriptedChannel(replies: [[0x61, 0x00], first + [0x61, 0x02], [7, 8, 0x90, 0x00]])
        let response = try await APDUTransport(channel: channel).send(
            CommandAPDU(ins: 0x88, p1: 0, p2: 0, data: [1, 2], le: 256))
        #expect(response.data == first + [7, 8])
        #expect(channel.sent[1] == [0x00, 0xC0, 0x00, 0x00, 0x00])
    }

    @Test("CLA A0 uses 9Fxx and GET RESPONSE with CLA A0")
    func gsmClass() async throws {
        let channel = ScriptedChannel(replies: [[0x9F, 0x01], [0x42, 0x90, 0x00]])
        let response = try await APDUTransport(channel: channel).send(
            CommandAPDU(cla: 0xA0, ins: 0xA4, p1: 0, p2: 0, data: [0x3F, 0x00]))
        #expect(channel.sent[1] == [0xA0, 0xC0, 0x00, 0x00, 0x01])
        #expect(response.data == [0x42])
    }

    @Test("a reply shorter than the status word is a typed error")
    func shortReply() async {
        let channel = ScriptedChannel(replies: [[0x90]])
        await #expect(throws: SmartCardError.self) {
            _ = try await APDUTransport(channel: channel).send(CommandAPDU(ins: 0xB0, p1: 0, p2: 0, le: 1))
        }
        let empty = ScriptedChannel(replies: [[]])
        do {
            _ = try await APDUTransport(channel: empty).send(CommandAPDU(ins: 0xB0, p1: 0, p2: 0, le: 1))
            Issue.record("an empty reply must throw")
        } catch {
            guard case .malformedResponse = error else {
                Issue.record("unexpected \(error)")
                return
            }
        }
    }

    @Test("an endless 61xx chain is cut, not followed forever")
    func endlessChain() async {
        let channel = ScriptedChannel(replies: [[UInt8]](repeating: [0x61, 0x01], count: 200))
        await #expect(throws: SmartCardError.self) {
            _ = try await APDUTransport(channel: channel).send(CommandAPDU(ins: 0xCA, p1: 0, p2: 0, le: 1))
        }
        #expect(channel.sent.count < 100)
    }

    @Test("a secret command's data is wiped after sending")
    func secretWiped() async throws {
        let channel = ScriptedChannel(replies: [[0x90, 0x00]])
        var command = CommandAPDU(ins: 0x20, p1: 0, p2: 1, data: Array("1234".utf8))
        _ = try await APDUTransport(channel: channel).sendSecret(&command)
        #expect(command.data.isEmpty)
        #expect(!command.description.contains("31"))
    }
}
