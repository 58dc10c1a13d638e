import CPS
import SmartCard
import Testing
import VirtualCPSCard

@Suite("CPS3 identity over the in-process virtual card")
struct CPSIdentityTests {
    @Test("serial, holder and certificate are read through PKCS#15")
    func identity() async throws {
        let card = try CPSCard(channel: TestCards.channel(), cache: CardDataCache())
        let identity = try await card.readIdentity()
        #expect(identity.serial == "9700000013")
        #expect(identity.holder.nationalID == "899700000013")
        #expect(identity.holder.nationalIDKind == .rpps)
        #expect(identity.holder.familyName == "MEDECIN0000001")
        #expect(identity.holder.givenName == "JEANNE")
        #expect(identity.holder.profession == "Médecin")
        #expect(identity.certificateDER == (try TestCards.content().certificateDER))
    }

    @Test("a known card is served from the cache in four APDUs; a changed EF_ACTUA forces a full read")
    func cache() async throws {
        let cache = CardDataCache()
        let content = try TestCards.content("medecin-2")
        let cold = CountingChannel(try InProcessCardChannel(content: content))
        _ = try await CPSCard(channel: cold, cache: cache).readIdentity()
        let warm = CountingChannel(try InProcessCardChannel(content: content))
        let identity = try await CPSCard(channel: warm, cache: cache).readIdentity()
        #expect(identity.holder.nationalID == "899700000021")
        #expect(warm.count == 4)
        #expect(cold.count == 17, "EF_ACTUA, EF.SN.ICC, AID, ODF, CDF, certificate with exact lengths")
        var updated = content
        updated.actua = [0x02, 0x20, 0x25]
        let changed = CountingChannel(try InProcessCardChannel(content: updated))
        _ = try await CPSCard(channel: changed, cache: cache).readIdentity()
        #expect(changed.count == cold.count)
    }

    @Test("the certificate chains to the test PERSONNES CA and not to an unrelated root")
    func trust() async throws {
        let identity = try await CPSCard(channel: TestCards.channel(), cache: CardDataCache()).readIdentity()
        let trust = try CardTrust(pemBundles: [try TestCards.personnesChain()])
        let chain = try await trust.verify(identity.certificate)
        #expect(chain.count == 3)
        let untrusted = try String(
            contentsOf: TestCards.repository.appendingPathComponent("Certs/ca/test-untrusted-root.cert.pem"),
            encoding: .utf8)
        await #expect(throws: CPSError.self) {
            _ = try await CardTrust(pemBundles: [untrusted]).verify(identity.certificate)
        }
    }

    @Test("PIN and key attributes are read once, when the PIN is first used, and cached with the identity")
    func securityAttributesOnDemand() async throws {
        let cache = CardDataCache()
        let content = try TestCards.content("pharmacien-1")
        let first = CountingChannel(try InProcessCardChannel(content: content))
        let card = try CPSCard(channel: first, cache: cache)
        _ = try await card.readIdentity()
        let afterIdentity = first.count
        #expect(try await card.pinStatus().triesLeft == 3)
        #expect(first.count - afterIdentity == 10, "AID, PrKDF, AODF (3 each), then SELECT MF, GET DATA, GET RESPONSE")
        let again = CountingChannel(try InProcessCardChannel(content: content))
        let known = try CPSCard(channel: again, cache: cache)
        _ = try await known.readIdentity()
        #expect(try await known.pinStatus().triesLeft == 3)
        #expect(again.count == 4 + 3, "attributes come from the cache")
        try await known.verifyPIN(try CardPIN(digits: "1234"))
        #expect(try await known.sign(sha256Digest: [UInt8](repeating: 7, count: 32)).count == 256)
    }

    @Test("a garbled reply or a card pulled mid-read gives a typed error, and the next card works")
    func faults() async throws {
        let channel = try TestCards.channel()
        channel.setFaults { $0.garbleNextReply = true }
        do {
            _ = try await CPSCard(channel: channel, cache: CardDataCache()).readIdentity()
            Issue.record("garbled reply accepted")
        } catch {
            #expect(error == .card(.malformedResponse("reply of 1 byte(s), a response needs at least the status word")))
        }
        channel.setFaults { $0.removeAfterCommands = 4 }
        await #expect(throws: CPSError.card(.cardRemoved)) {
            _ = try await CPSCard(channel: channel, cache: CardDataCache()).readIdentity()
        }
        channel.insert(try CardEngine(content: TestCards.content()))
        let identity = try await CPSCard(channel: channel, cache: CardDataCache()).readIdentity()
        #expect(identity.holder.nationalID == "899700000013")
    }
}
