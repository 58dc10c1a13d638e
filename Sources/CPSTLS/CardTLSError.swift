import CPS
import INS

/// Why a TLS handshake with the card key could not sign.
public enum CardTLSError: PasserelleError, Hashable {
    /// The peer asked for a signature scheme the CPS3 cannot produce (anything but `rsa_pkcs1_sha256`).
    case unsupportedSignatureAlgorithm(UInt16)
    /// The card refused or failed (PIN not verified, card removed…).
    case card(CPSError)
    /// RSA key exchange asked the card to decrypt: never offered.
    case decryptionNotSupported
    /// The certificate read from the card cannot be used by TLS.
    case unusableCertificate(String)

    public var code: String {
        switch self {
        case .unsupportedSignatureAlgorithm: return "card.tls-signature-algorithm"
        case .card(let error): return error.code
        case .decryptionNotSupported: return "card.tls-decryption"
        case .unusableCertificate: return "card.tls-certificate"
        }
    }

    public var userMessage: String {
        switch self {
        case .unsupportedSignatureAlgorithm, .decryptionNotSupported:
            return "Le serveur demande une authentification que la carte CPS ne sait pas produire."
        case .card(let error):
            return error.userMessage
        case .unusableCertificate:
            return "Le certificat de la carte ne peut pas servir à l'authentification."
        }
    }

    public var technicalDetail: String {
        switch self {
        case .unsupportedSignatureAlgorithm(let code):
            return
                "TLS peer asked for signature scheme 0x\(String(code, radix: 16)); the CPS3 only does rsa_pkcs1_sha256"
        case .card(let error):
            return "Card signature for TLS failed: \(error.technicalDetail)"
        case .decryptionNotSupported:
            return "RSA key exchange with a card key is not supported"
        case .unusableCertificate(let detail):
            return "Card certificate rejected by NIOSSL: \(detail)"
        }
    }
}
