import Crypto
import _CryptoExtras

extension CardEngine {
    /// GET DATA `00 CB 3F FF` with the header list `4D 08 70 06 BF 81 <ref> 02 A0 80`: the PIN object's try counters
    /// (`9A` maximum, `9B` left), readable without spending a try. The global PIN is visible from the MF.
    mutating func getData(_ command: Command) -> [UInt8] {
        guard command.p1 == 0x3F, command.p2 == 0xFF else {
            return Self.status(0x6A88)
        }
        let request = command.data
        guard let tagIndex = Self.find([0xBF, 0x81], in: request), tagIndex + 2 < request.count else {
            return Self.status(0x6A80)
        }
        let reference = request[tagIndex + 2]
        guard reference == CPS3Constants.pinReference else {
            return Self.status(0x6A88)
        }
        guard state.volatile.currentDF.count == 1 else {
            return Self.status(0x6A88)
        }
        let counters =
            DER.tlv(0x9A, [UInt8(CPS3Constants.maximumPINTries)])
            + DER.tlv(0x9B, [UInt8(state.persistent.pinTriesLeft)])
        let object = DER.tlv(tag: [0xBF, 0x81, reference], DER.tlv(0xA0, counters))
        return respondLater(DER.tlv(0x70, object))
    }

    /// VERIFY `00 20 00 01`: no data asks for the status (`63Cx` or `9000`); a wrong block spends a try (`63Cx`, then
    /// `6983` once blocked); the counter is persistent, the verified state is not.
    mutating func verify(_ command: Command) -> [UInt8] {
        guard command.p1 == 0x00, command.p2 == CPS3Constants.pinReference else {
            return Self.status(0x6A88)
        }
        let tries = state.persistent.pinTriesLeft
        if command.data.isEmpty {
            if tries == 0 {
                return Self.status(0x6983)
            }
            return state.volatile.pinVerified ? Self.status(0x9000) : [0x63, 0xC0 | UInt8(tries)]
        }
        guard tries > 0 else {
            return Self.status(0x6983)
        }
        guard command.data.count == CPS3Constants.pinStoredLength else {
            return Self.status(0x6700)
        }
        if command.data == pinBlock {
            state.persistent.pinTriesLeft = CPS3Constants.maximumPINTries
            state.volatile.pinVerified = true
            return Self.status(0x9000)
        }
        state.persistent.pinTriesLeft = tries - 1
        state.volatile.pinVerified = false
        return [0x63, 0xC0 | UInt8(tries - 1)]
    }

    var pinBlock: [UInt8] {
        let digits = Array(content.pin.utf8)
        return digits
            + [UInt8](repeating: CPS3Constants.pinPadding, count: max(0, CPS3Constants.pinStoredLength - digits.count))
    }

    /// MSE SET for authentication (`00 22 41 A4 … 84 01 82`): selects the authentication key of the application.
    mutating func manageSecurityEnvironment(_ command: Command) -> [UInt8] {
        guard command.p1 == 0x41, command.p2 == 0xA4 else {
            return Self.status(0x6A86)
        }
        guard let index = Self.find([0x84, 0x01], in: command.data), index + 2 < command.data.count else {
            return Self.status(0x6A80)
        }
        let key = command.data[index + 2]
        let inApplication = state.volatile.currentDF.last?.applicationID == CPS3Constants.applicationID
        guard key == CPS3Constants.authenticationKeyReference, inApplication else {
            state.volatile.securityEnvironmentKey = nil
            return Self.status(0x6A88)
        }
        state.volatile.securityEnvironmentKey = key
        return Self.status(0x9000)
    }

    /// INTERNAL AUTHENTICATE: PKCS#1 v1.5 signature of the DigestInfo given (the card pads, the caller hashes).
    mutating func internalAuthenticate(_ command: Command) -> [UInt8] {
        guard state.volatile.securityEnvironmentKey == CPS3Constants.authenticationKeyReference else {
            return Self.status(0x6985)
        }
        guard state.volatile.pinVerified else {
            return Self.status(0x6982)
        }
        let modulusBytes = signingKey.keySizeInBits / 8
        guard !command.data.isEmpty, command.data.count * 10 <= modulusBytes * 4 else {
            return Self.status(0x6700)
        }
        var block: [UInt8] = [0x00, 0x01]
        block += [UInt8](repeating: 0xFF, count: modulusBytes - command.data.count - 3)
        block += [0x00] + command.data
        do {
            let signature = try signingKey.blindSignature(for: block)
            return respondLater(Array(signature.rawRepresentation))
        } catch {
            return Self.status(0x6F00)
        }
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else {
            return nil
        }
        for start in 0...(haystack.count - needle.count) where Array(haystack[start..<start + needle.count]) == needle {
            return start
        }
        return nil
    }
}
