import CPS
import INS
import SmartCard
import Testing

@Suite("CPSError joins the project's error shape")
struct CPSErrorTests {
    static let samples: [CPSError] = [
        .unsupportedCard(atr: [0x3B, 0x00]), .profileNotSupported(.cps4), .profileNotSupported(.cps3Contactless),
        .card(.cardRemoved), .card(.serviceUnavailable(.noService)), .card(.noCard), .card(.cardReset),
        .unexpectedStatus(command: "SELECT", status: .fileNotFound), .malformedCardData("bad TLV"), .invalidPINFormat,
        .wrongPIN(triesLeft: 2), .wrongPIN(triesLeft: 1), .pinBlocked, .lastTryConfirmationRequired,
        .pinVerificationRequired, .untrustedCertificate("expired"),
    ]

    @Test("every case has a stable code, a French sentence and an English detail", arguments: samples)
    func shape(error: CPSError) {
        let shaped: any PasserelleError = error
        #expect(shaped.code.hasPrefix("card.") || shaped.code.hasPrefix("pin."))
        #expect(!shaped.userMessage.isEmpty)
        #expect(!shaped.technicalDetail.isEmpty)
        #expect(shaped.description == "\(shaped.code): \(shaped.technicalDetail)")
    }

    @Test("codes tell the cases apart, and PC/SC failures keep their SmartCard code")
    func codes() {
        #expect(CPSError.wrongPIN(triesLeft: 2).code == "pin.wrong")
        #expect(CPSError.card(.cardRemoved).code == SmartCardError.cardRemoved.code)
        #expect(CPSError.card(.cardRemoved).code == "card.removed")
        let distinct = Set([CPSError.pinBlocked, .invalidPINFormat, .lastTryConfirmationRequired].map(\.code))
        #expect(distinct.count == 3)
    }

    @Test("no card, no reader or no pcscd is an unavailability (exit 3); a wrong PIN is not")
    func unavailability() {
        #expect(CPSError.card(.noCard).isUnavailability)
        #expect(CPSError.card(.serviceUnavailable(.noService)).isUnavailability)
        #expect(CPSError.card(.noReaders).isUnavailability)
        #expect(!CPSError.wrongPIN(triesLeft: 2).isUnavailability)
        #expect(!CPSError.unsupportedCard(atr: []).isUnavailability)
    }

    @Test("a PIN typed as bytes is checked locally and the buffer is zeroed either way")
    func typedPIN() throws {
        var good: [UInt8] = Array("1234".utf8)
        _ = try CardPIN(typed: &good)
        #expect(good.allSatisfy { $0 == 0 })
        var bad: [UInt8] = Array("12a4".utf8)
        #expect(throws: CPSError.invalidPINFormat) { _ = try CardPIN(typed: &bad) }
        #expect(bad.allSatisfy { $0 == 0 })
    }
}
