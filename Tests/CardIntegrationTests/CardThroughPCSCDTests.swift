import CPS
import Crypto
import Foundation
import SmartCard
import Testing
import VirtualCPSCard
import X509
import _CryptoExtras

/// Through the real pcscd, its vpcd driver and the `virtual-cps` process (stage `Tools/test.d/40-card.sh`).
/// Start state: reader 0 holds medecin-1, reader 1 holds medecin-2.
@Suite("Card through pcscd", .serialized, .enabled(if: PCSCTestEnvironment.enabled, "needs PASSERELLE_PCSCD=1"))
struct CardThroughPCSCDTests {
    typealias Env = PCSCTestEnvironment

    func pin(_ digits: String) throws -> CardPIN {
        try CardPIN(digits: digits)
    }

    @Test("readers are listed and the inserted CPS3 is seen with its ATR")
    func readersAndEvents() async throws {
        let readers = try await SmartCardSystem().readers()
        #expect(readers.contains(Env.reader0))
        #expect(readers.contains(Env.reader1))
        let events = try await Env.waitForEvent { seen in
            seen.contains { if case .cardInserted(Env.reader0, _) = $0 { return true } else { return false } }
        }
        #expect(events.contains(.cardInserted(reader: Env.reader0, atr: CPSConstants.cps3ContactATR)))
    }

    @Test("identity read: holder of the card in reader 0, APDUs counted from insertion")
    func identity() async throws {
        let connection = try await Env.connect(Env.reader0)
        defer { Task { await connection.disconnect() } }
        #expect(CardProfile(atr: connection.atr) == .cps3Contact)
        let counting = CountingChannel(connection)
        let identity = try await CPSCard(channel: counting, cache: CardDataCache()).readIdentity()
        #expect(identity.holder.nationalID == "899700000013")
        #expect(identity.holder.givenName == "JEANNE")
        let chain = try String(
            contentsOf: Env.repository.appendingPathComponent("Certs/ca/chain-personnes.pem"), encoding: .utf8)
        _ = try await CardTrust(pemBundles: [chain]).verify(identity.certificate)
        print("APDUs from insertion to identity (cold cache): \(counting.count)")
        let cache = CardDataCache()
        _ = try await CPSCard(channel: connection, cache: cache).readIdentity()
        let warm = CountingChannel(connection)
        _ = try await CPSCard(channel: warm, cache: cache).readIdentity()
        print("APDUs from insertion to identity (known card): \(warm.count)")
        #expect(warm.count == 4)
    }

    @Test("PIN: right, wrong (tries decrement), last-try refusal, blocked")
    func pinRules() async throws {
        try Env.ctl("select", "infirmier-1", "--reader", "1")
        try await Task.sleep(for: .seconds(1))
        let connection = try await Env.connect(Env.reader1)
        defer { Task { await connection.disconnect() } }
        let card = try CPSCard(channel: connection, cache: CardDataCache())
        #expect(try await card.readIdentity().holder.nationalID == "899700000047")
        try await card.verifyPIN(try pin("1234"))
        #expect(await card.isPINVerified)
        await #expect(throws: CPSError.wrongPIN(triesLeft: 2)) { try await card.verifyPIN(try pin("4321")) }
        #expect(try await card.pinStatus().triesLeft == 2)
        await #expect(throws: CPSError.wrongPIN(triesLeft: 1)) { try await card.verifyPIN(try pin("4321")) }
        await #expect(throws: CPSError.lastTryConfirmationRequired) { try await card.verifyPIN(try pin("1234")) }
        #expect(try await card.pinStatus().triesLeft == 1)
        await #expect(throws: CPSError.pinBlocked) {
            try await card.verifyPIN(try pin("4321"), confirmLastTry: true)
        }
        await #expect(throws: CPSError.pinBlocked) { try await card.verifyPIN(try pin("1234"), confirmLastTry: true) }
        #expect(try await card.pinStatus().isBlocked)
        try Env.ctl("select", "medecin-2", "--reader", "1")
    }

    @Test("card pulled during a transaction: typed error, no crash, the next insertion works")
    func removalMidTransaction() async throws {
        let connection = try await Env.connect(Env.reader0)
        try Env.ctl("fault", "remove-mid-transaction", "4")
        do {
            _ = try await CPSCard(channel: connection, cache: CardDataCache()).readIdentity()
            Issue.record("reading through a removal succeeded")
        } catch {
            guard case .card(let cardError) = error else {
                Issue.record("expected a card error, got \(error)")
                return
            }
            #expect(cardError.endsCardSession, "\(cardError)")
        }
        await connection.disconnect()
        _ = try await Env.waitForEvent(
            { seen in seen.last.map { if case .cardInserted(Env.reader0, _) = $0 { true } else { false } } ?? false },
            after: { try Env.ctl("insert", "--reader", "0") })
        let again = try await Env.connect(Env.reader0)
        defer { Task { await again.disconnect() } }
        #expect(
            try await CPSCard(channel: again, cache: CardDataCache()).readIdentity().holder.nationalID == "899700000013"
        )
    }

    @Test("reset by another application: the PIN must be verified again")
    func resetLosesPIN() async throws {
        let connection = try await Env.connect(Env.reader0)
        defer { Task { await connection.disconnect() } }
        let card = try CPSCard(channel: connection, cache: CardDataCache())
        _ = try await card.readIdentity()
        try await card.verifyPIN(try pin("1234"))
        #expect(try await card.sign(sha256Digest: [UInt8](repeating: 3, count: 32)).count == 256)
        let other = try await Env.connect(Env.reader0)
        try await other.reconnect(.reset)
        await other.disconnect()
        await #expect(throws: CPSError.card(.cardReset)) {
            _ = try await card.sign(sha256Digest: [UInt8](repeating: 3, count: 32))
        }
        await #expect(throws: CPSError.pinVerificationRequired) {
            _ = try await card.sign(sha256Digest: [UInt8](repeating: 3, count: 32))
        }
        #expect(try await card.pinStatus().triesLeft == 3)
        try await card.verifyPIN(try pin("1234"))
        #expect(try await card.sign(sha256Digest: [UInt8](repeating: 3, count: 32)).count == 256)
    }

    @Test("two readers, two cards, two professionals")
    func twoReaders() async throws {
        let first = try await Env.connect(Env.reader0)
        let second = try await Env.connect(Env.reader1)
        defer {
            Task {
                await first.disconnect()
                await second.disconnect()
            }
        }
        async let a = CPSCard(channel: first, cache: CardDataCache()).readIdentity()
        async let b = CPSCard(channel: second, cache: CardDataCache()).readIdentity()
        let (identityA, identityB) = try await (a, b)
        #expect(identityA.holder.nationalID == "899700000013")
        #expect(identityB.holder.nationalID == "899700000021")
        #expect(identityA.serial != identityB.serial)
    }

    @Test("a card signature verifies with the card certificate (swift-crypto and openssl)")
    func signatureOracle() async throws {
        let connection = try await Env.connect(Env.reader1)
        defer { Task { await connection.disconnect() } }
        let card = try CPSCard(channel: connection, cache: CardDataCache())
        let identity = try await card.readIdentity()
        try await card.verifyPIN(try pin("1234"))
        let message = Array("<ds:SignedInfo>assertion</ds:SignedInfo>".utf8)
        let signature = try await card.signer.sign(sha256Digest: Array(SHA256.hash(data: message)))
        let key = try _RSA.Signing.PublicKey(
            derRepresentation: identity.certificate.publicKey.subjectPublicKeyInfoBytes)
        #expect(
            key.isValidSignature(
                _RSA.Signing.RSASignature(rawRepresentation: signature), for: message, padding: .insecurePKCS1v1_5))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("card-sig-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(message).write(to: directory.appendingPathComponent("data"))
        try Data(signature).write(to: directory.appendingPathComponent("sig"))
        try key.pemRepresentation.write(
            to: directory.appendingPathComponent("pub.pem"), atomically: true, encoding: .utf8)
        let openssl = try Env.run(
            "/usr/bin/openssl",
            [
                "dgst", "-sha256", "-verify", directory.appendingPathComponent("pub.pem").path, "-signature",
                directory.appendingPathComponent("sig").path, directory.appendingPathComponent("data").path,
            ])
        #expect(openssl.status == 0, "openssl: \(openssl.text)")
    }

    @Test("pcscd killed and restarted (by the stage supervisor): events report it and the module recovers")
    func pcscdRestart() async throws {
        let pidText = try String(contentsOfFile: Env.pcscdPIDFile, encoding: .utf8)
        let pid = try #require(Int32(pidText.trimmingCharacters(in: .whitespacesAndNewlines)))
        let system = SmartCardSystem()
        #expect(try await system.readers().contains(Env.reader0))
        let events = try await Env.waitForEvent(
            timeout: .seconds(30),
            { seen in
                // The snapshot reports the card first; wait for it to come back after the outage.
                guard
                    let outage = seen.firstIndex(of: .serviceUnavailable)
                        ?? seen.firstIndex(of: .cardRemoved(reader: Env.reader0))
                else {
                    return false
                }
                return seen[outage...].contains { if case .cardInserted(Env.reader0, _) = $0 { true } else { false } }
            },
            after: {
                // The stage's supervisor starts a new pcscd a second later.
                kill(pid, SIGTERM)
            })
        #expect(events.contains(.serviceUnavailable) || events.contains(.cardRemoved(reader: Env.reader0)))
        #expect(try await system.readers().contains(Env.reader0))
        let connection = try await Env.connect(Env.reader0)
        defer { Task { await connection.disconnect() } }
        #expect(
            try await CPSCard(channel: connection, cache: CardDataCache()).readIdentity().holder.nationalID
                == "899700000013")
    }
}
