import SmartCard
import X509

/// One CPS in one reader: reads the holder, checks and verifies the PIN, signs with the authentication key.
///
/// Safety rules (spec §3, design §5): the try counter is read before any VERIFY; a PIN is sent once, never retried
/// or replayed; with one try left it is refused unless the caller confirms; the PIN is never logged or kept. Every
/// multi-APDU sequence runs inside a PC/SC transaction and starts by selecting what it needs (the card is shared).
public actor CPSCard {
    public nonisolated let profile: CardProfile
    private let transport: APDUTransport
    private let cache: CardDataCache
    private var identity: CardIdentity?
    private var pinVerified = false

    /// Checks the ATR; only a CPS3 contact card can be used (other CPS are recognised and reported as such).
    public init(channel: any CardChannel, cache: CardDataCache = .shared) throws(CPSError) {
        let profile = CardProfile(atr: channel.atr)
        switch profile {
        case .cps3Contact:
            break
        case .unsupported(let atr):
            throw .unsupportedCard(atr: atr)
        default:
            throw .profileNotSupported(profile)
        }
        self.profile = profile
        self.transport = APDUTransport(channel: channel)
        self.cache = cache
    }

    /// True while this session has a verified PIN (lost on reset, removal or any end of card session).
    public var isPINVerified: Bool { pinVerified }

    // MARK: - Identity

    /// Serial, holder and authentication certificate; from the cache when the card (serial + EF_ACTUA) is known.
    ///
    /// EF_ACTUA and EF.SN.ICC both sit in the MF: selecting EF_ACTUA by path makes the MF current, so the serial is
    /// then read by its SFI without another SELECT (4 APDUs for a known card). PIN and key attributes (PrKDF, AODF)
    /// are not needed to know who holds the card: they are read when the PIN is first used.
    public func readIdentity() async throws(CPSError) -> CardIdentity {
        try await transaction { () async throws(CPSError) -> CardIdentity in
            try await self.check(
                CPS3Commands.selectPath(CPSConstants.masterFile + CPSConstants.efActua), "SELECT EF_ACTUA")
            let actua = try await self.readCurrentFile()
            let serial = try Self.parseSerial(
                try await self.check(
                    CPS3Commands.readBinary(shortFileID: CPSConstants.efSerialSFI, length: 12),
                    "READ EF.SN.ICC"))
            if let cached = self.cache.lookup(serial: serial, actua: actua) {
                self.identity = cached
                return cached
            }
            let identity = try await self.readPKCS15(serial: serial, actua: actua)
            self.cache.store(identity)
            self.identity = identity
            return identity
        }
    }

    private func readPKCS15(serial: String, actua: [UInt8]) async throws(CPSError) -> CardIdentity {
        try await selectApplication()
        let odf = try PKCS15ObjectDirectory(try await readFile(CPSConstants.odf))
        guard let cdfPath = odf.certificates else {
            throw .malformedCardData("ODF lists no certificate directory")
        }
        let certificates = try PKCS15Certificate.parseAll(try await readFile(cdfPath))
        guard
            let entry = certificates.first(where: { $0.label == CPSConstants.authenticationCertificateLabel })
                ?? certificates.first(where: { $0.id == [CPSConstants.defaultAuthenticationKeyReference] })
                ?? certificates.first
        else {
            throw .malformedCardData("no authentication certificate in the CDF")
        }
        let der = try await readDERFile(entry.path)
        let certificate: Certificate
        do {
            certificate = try Certificate(derEncoded: der)
        } catch {
            throw .malformedCardData("authentication certificate is not valid DER: \(error)")
        }
        return CardIdentity(
            serial: serial, holder: try CardHolder(certificate: certificate), certificate: certificate,
            certificateDER: der, actua: actua, objectDirectory: odf, certificateID: entry.id, security: nil)
    }

    /// Selects the CPS3 application by its documented AID; EF.DIR is read only when the card does not know that AID.
    private func selectApplication() async throws(CPSError) {
        let response = try await send(CPS3Commands.selectApplication())
        if response.status.isSuccess {
            return
        }
        try await check(CPS3Commands.selectPath(CPSConstants.masterFile + CPSConstants.efDIR), "SELECT EF.DIR")
        let directory = try BERTLV.parse(try await readCurrentFile())
        guard let applicationID = BERTLV.find([0x4F], in: directory)?.value else {
            throw .unexpectedStatus(command: "SELECT AID", status: response.status)
        }
        try await check(CPS3Commands.selectApplication(applicationID), "SELECT AID")
    }

    /// PIN format and key reference (AODF, PrKDF): read once per card when the PIN is first used, then cached with
    /// the identity. Without an identity read, the documented defaults apply.
    private func securityAttributes() async throws(CPSError) -> CardSecurityAttributes? {
        guard let identity else {
            return nil
        }
        if let known = identity.security {
            return known
        }
        try await selectApplication()
        var keys: [PKCS15PrivateKey] = []
        if let path = identity.objectDirectory.privateKeys {
            keys = try PKCS15PrivateKey.parseAll(try await readFile(path))
        }
        var pins: [PKCS15PIN] = []
        if let path = identity.objectDirectory.authenticationObjects {
            pins = try PKCS15PIN.parseAll(try await readFile(path))
        }
        let key =
            keys.first { $0.id == identity.certificateID }
            ?? keys.first { $0.reference == CPSConstants.defaultAuthenticationKeyReference } ?? keys.first
        let attributes = CardSecurityAttributes(
            keyReference: key?.reference ?? CPSConstants.defaultAuthenticationKeyReference, pin: pins.first)
        let completed = identity.with(security: attributes)
        self.identity = completed
        cache.store(completed)
        return attributes
    }

    /// EF.SN.ICC: `5A 0A` + PAN; the serial is what follows the ANS issuer number.
    static func parseSerial(_ bytes: [UInt8]) throws(CPSError) -> String {
        guard bytes.count >= 7, bytes[0] == 0x5A, Int(bytes[1]) <= bytes.count - 2 else {
            throw .malformedCardData("EF.SN.ICC is not a 5A PAN object")
        }
        let pan = Array(bytes[2..<2 + Int(bytes[1])])
        let digits = pan.hexString
        if pan.starts(with: CPSConstants.issuerNumber) {
            return String(digits.dropFirst(CPSConstants.issuerNumber.count * 2))
        }
        return digits
    }

    // MARK: - PIN

    /// Tries left, without spending one.
    public func pinStatus() async throws(CPSError) -> PINStatus {
        try await transaction { () async throws(CPSError) -> PINStatus in
            _ = try await self.securityAttributes()
            return try await self.readPINStatus()
        }
    }

    private func readPINStatus() async throws(CPSError) -> PINStatus {
        try await check(CPS3Commands.selectMasterFile, "SELECT MF")
        let answer = try await check(CPS3Commands.pinCounters(reference: pinReference), "GET DATA PIN counters")
        let elements = try BERTLV.parse(answer)
        guard let maximum = BERTLV.find([0x9A], in: elements), let left = BERTLV.find([0x9B], in: elements) else {
            throw .malformedCardData("PIN counters without 9A/9B")
        }
        return PINStatus(maximumTries: maximum.integerValue, triesLeft: left.integerValue)
    }

    /// Sends the PIN once. Reads the counter first: blocked → `pinBlocked` (nothing sent); one try left and no
    /// `confirmLastTry` → `lastTryConfirmationRequired` (nothing sent). Never retries.
    public func verifyPIN(_ pin: consuming CardPIN, confirmLastTry: Bool = false) async throws(CPSError) {
        pinVerified = false
        let status = try await transaction { () async throws(CPSError) -> StatusWord in
            let attributes = try await self.securityAttributes()
            let reference = attributes?.pin?.reference ?? CPSConstants.defaultPINReference
            let length = attributes?.pin?.storedLength ?? CPSConstants.defaultPINStoredLength
            let padding = attributes?.pin?.padding ?? CPSConstants.defaultPINPadding
            let counters = try await self.readPINStatus()
            if counters.isBlocked {
                throw .pinBlocked
            }
            if counters.isLastTry && !confirmLastTry {
                throw .lastTryConfirmationRequired
            }
            var block = pin.block(length: length, padding: padding)
            var command = CPS3Commands.verify(reference: reference, block: block)
            for index in block.indices {
                block[index] = 0
            }
            return try await self.sendSecret(&command).status
        }
        switch status {
        case .success:
            pinVerified = true
        case .authenticationMethodBlocked:
            throw .pinBlocked
        default:
            if let triesLeft = status.remainingTries {
                throw triesLeft == 0 ? .pinBlocked : .wrongPIN(triesLeft: triesLeft)
            }
            throw .unexpectedStatus(command: "VERIFY", status: status)
        }
    }

    private var pinReference: UInt8 { identity?.security?.pin?.reference ?? CPSConstants.defaultPINReference }

    // MARK: - Signature

    /// PKCS#1 v1.5 signature of `digestInfo` with the authentication key (the card pads; input ≤ 40 % of the modulus).
    public func sign(digestInfo: [UInt8]) async throws(CPSError) -> [UInt8] {
        guard pinVerified else {
            throw .pinVerificationRequired
        }
        let key = identity?.security?.keyReference ?? CPSConstants.defaultAuthenticationKeyReference
        return try await transaction { () async throws(CPSError) -> [UInt8] in
            try await self.check(CPS3Commands.selectApplication(), "SELECT AID")
            try await self.check(CPS3Commands.setAuthenticationKey(key), "MSE SET")
            let response = try await self.send(CPS3Commands.internalAuthenticate(digestInfo))
            switch response.status {
            case .success:
                return response.data
            case .securityStatusNotSatisfied:
                self.pinVerified = false
                throw .pinVerificationRequired
            default:
                throw .unexpectedStatus(command: "INTERNAL AUTHENTICATE", status: response.status)
            }
        }
    }

    /// SHA-256 digest → DigestInfo → card signature.
    public func sign(sha256Digest: [UInt8]) async throws(CPSError) -> [UInt8] {
        guard sha256Digest.count == 32 else {
            throw .malformedCardData("a SHA-256 digest is 32 bytes, got \(sha256Digest.count)")
        }
        return try await sign(digestInfo: DigestInfo.sha256Prefix + sha256Digest)
    }

    /// A signer bound to this card session, for TLS or XML-DSig code.
    public nonisolated var signer: CPSCardSigner { CPSCardSigner(card: self) }

    /// Forgets the verified PIN (logout) without touching the card.
    public func forgetPIN() {
        pinVerified = false
    }

    // MARK: - Plumbing

    private func transaction<T: Sendable>(_ body: () async throws(CPSError) -> T) async throws(CPSError) -> T {
        do {
            return try await transport.withTransaction {
                try await body()
            }
        } catch let error as CPSError {
            throw error
        } catch let error as SmartCardError {
            throw cardFailure(error)
        } catch {
            throw .malformedCardData("\(error)")
        }
    }

    /// Any end of card session (reset, removal, pcscd gone) loses the card's security state: forget the PIN.
    private func cardFailure(_ error: SmartCardError) -> CPSError {
        if error.endsCardSession {
            pinVerified = false
        }
        return .card(error)
    }

    private func send(_ command: CommandAPDU) async throws(CPSError) -> ResponseAPDU {
        do {
            return try await transport.send(command)
        } catch {
            throw cardFailure(error)
        }
    }

    private func sendSecret(_ command: inout CommandAPDU) async throws(CPSError) -> ResponseAPDU {
        do {
            return try await transport.sendSecret(&command)
        } catch {
            throw cardFailure(error)
        }
    }

    @discardableResult
    private func check(_ command: CommandAPDU, _ name: String) async throws(CPSError) -> [UInt8] {
        let response = try await send(command)
        guard response.status.isSuccess else {
            throw .unexpectedStatus(command: name, status: response.status)
        }
        return response.data
    }

    private func readFile(_ path: [UInt8]) async throws(CPSError) -> [UInt8] {
        try await select(path)
        return try await readCurrentFile()
    }

    private func select(_ path: [UInt8]) async throws(CPSError) {
        let command =
            path.starts(with: CPSConstants.masterFile) ? CPS3Commands.selectPath(path) : CPS3Commands.selectFileID(path)
        try await check(command, "SELECT \(path.hexString)")
    }

    /// Reads the selected transparent EF in 256-byte chunks (the transport follows `6Cxx` for the last one).
    private func readCurrentFile() async throws(CPSError) -> [UInt8] {
        var content: [UInt8] = []
        while content.count <= CPSConstants.maximumFileSize {
            let response = try await send(CPS3Commands.readBinary(offset: content.count, length: 256))
            if response.status == .wrongParameters, !content.isEmpty {
                break
            }
            guard response.status.isSuccess else {
                throw .unexpectedStatus(command: "READ BINARY", status: response.status)
            }
            content += response.data
            if response.data.count < 256 {
                break
            }
        }
        return content
    }

    /// Reads a file holding one DER object (a certificate): its header gives the length, so every later READ BINARY
    /// asks for exactly what is left and no `6Cxx` round trip is spent on the last chunk.
    private func readDERFile(_ path: [UInt8]) async throws(CPSError) -> [UInt8] {
        try await select(path)
        var content = try await check(CPS3Commands.readBinary(offset: 0, length: 256), "READ BINARY")
        guard content.count == 256, let total = DERLength.total(of: content), total <= CPSConstants.maximumFileSize
        else {
            return content
        }
        while content.count < total {
            let chunk = try await check(
                CPS3Commands.readBinary(offset: content.count, length: min(256, total - content.count)), "READ BINARY")
            guard !chunk.isEmpty else {
                break
            }
            content += chunk
        }
        return content
    }
}
