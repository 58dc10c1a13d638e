import CPS
import SmartCard
import Testing
import VirtualCPSCard

@Suite("Card profiles by ATR")
struct CardProfileTests {
    @Test("each known ATR gives its profile, anything else is unsupported")
    func profiles() {
        #expect(CardProfile(atr: CPSConstants.cps3ContactATR) == .cps3Contact)
        #expect(CardProfile(atr: CPSConstants.cps3ContactlessATR) == .cps3Contactless)
        #expect(CardProfile(atr: CPSConstants.cps4ContactATR) == .cps4)
        #expect(CardProfile(atr: CPSConstants.cps2terATR) == .cps2ter)
        #expect(CardProfile(atr: [0x3B, 0x00]) == .unsupported(atr: [0x3B, 0x00]))
        #expect(CardProfile(atr: []).isCPS == false)
        #expect(CardProfile.cps4.supportsLogin == false)
        #expect(CardProfile.cps3Contact.supportsLogin)
    }

    @Test("the virtual card presents the CPS3 contact ATR")
    func virtualCardATR() {
        #expect(CPS3Constants.atr == CPSConstants.cps3ContactATR)
        #expect(CPS3Constants.applicationID == CPSConstants.cps3ApplicationID)
    }

    @Test("a CPS4 or unknown card is refused with a typed error, nothing sent")
    func refused() throws {
        let cps4 = ScriptedATRChannel(atr: CPSConstants.cps4ContactATR)
        #expect(throws: CPSError.profileNotSupported(.cps4)) { _ = try CPSCard(channel: cps4) }
        let contactless = ScriptedATRChannel(atr: CPSConstants.cps3ContactlessATR)
        #expect(throws: CPSError.profileNotSupported(.cps3Contactless)) { _ = try CPSCard(channel: contactless) }
        let unknown = ScriptedATRChannel(atr: [0x3B, 0x02, 0x14, 0x50])
        #expect(throws: CPSError.unsupportedCard(atr: [0x3B, 0x02, 0x14, 0x50])) { _ = try CPSCard(channel: unknown) }
        #expect(CPSError.profileNotSupported(.cps4).userMessage.contains("pas encore"))
    }
}

struct ScriptedATRChannel: CardChannel {
    let atr: [UInt8]
    var transmissionProtocol: CardProtocol { .t1 }
    func transmit(_ apdu: [UInt8]) async throws(SmartCardError) -> [UInt8] { throw .noCard }
    func beginTransaction() async throws(SmartCardError) {}
    func endTransaction(_ disposition: CardDisposition) async throws(SmartCardError) {}
}
