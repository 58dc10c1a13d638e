import SmartCard
import Testing

@Suite("PC/SC status mapping")
struct SmartCardErrorTests {
    @Test("every known SCARD_E_/SCARD_W_/SCARD_F_ code maps to a typed error with both messages")
    func everyStatusMaps() {
        for status in PCSCStatus.allKnown where !status.isSuccess {
            guard let error = SmartCardError(status: status) else {
                Issue.record("\(status) not mapped")
                continue
            }
            #expect(error.status == status, "\(status)")
            #expect(!error.userMessage.isEmpty)
            #expect(error.technicalDetail.contains(status.name))
        }
        #expect(SmartCardError(status: .success) == nil)
    }

    @Test("the codes callers react to get their own case")
    func specificCases() {
        #expect(SmartCardError(status: .removedCard) == .cardRemoved)
        #expect(SmartCardError(status: .resetCard) == .cardReset)
        #expect(SmartCardError(status: .noReadersAvailable) == .noReaders)
        #expect(SmartCardError(status: .noService)?.requiresNewContext == true)
        #expect(SmartCardError(status: .serviceStopped)?.requiresNewContext == true)
        #expect(SmartCardError(status: .noSmartcard) == .noCard)
        #expect(SmartCardError(status: .sharingViolation) == .sharingViolation)
        #expect(PCSCStatus(raw: Int(bitPattern: 0xFFFF_FFFF_8010_001D)) == .noService)
    }
}
