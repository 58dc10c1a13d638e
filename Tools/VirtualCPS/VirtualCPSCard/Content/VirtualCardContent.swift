import Foundation

/// Everything that differs between two virtual cards: the professional's certificate and key, the PIN, the serial.
public struct VirtualCardContent: Sendable {
    /// Name used to pick the card from the control socket (`select <id>`).
    public var id: String
    /// Ten decimal digits printed on the card; stored BCD in EF.SN.ICC.
    public var serial: String
    /// DER of the authentication certificate.
    public var certificateDER: [UInt8]
    /// PEM (PKCS#1 or PKCS#8) of the matching RSA private key.
    public var privateKeyPEM: String
    /// The 4-digit code porteur.
    public var pin: String
    /// EF_ACTUA content; change it to simulate a card update (clients must drop their cache).
    public var actua: [UInt8]

    public init(
        id: String, serial: String, certificateDER: [UInt8], privateKeyPEM: String, pin: String,
        actua: [UInt8] = [0x01, 0x20, 0x24, 0x01, 0x01, 0x00, 0x00, 0x00]
    ) {
        self.id = id
        self.serial = serial
        self.certificateDER = certificateDER
        self.privateKeyPEM = privateKeyPEM
        self.pin = pin
        self.actua = actua
    }

    /// EF.SN.ICC: `5A 0A` + PAN (issuer `80 25 00 00 01` + five BCD bytes of the serial).
    public var serialFile: [UInt8] {
        let digits = Array(serial.filter(\.isNumber).suffix(10))
        let padded = [Character](repeating: "0", count: max(0, 10 - digits.count)) + digits
        var bcd: [UInt8] = []
        for index in stride(from: 0, to: 10, by: 2) {
            let high = UInt8(padded[index].wholeNumberValue ?? 0)
            let low = UInt8(padded[index + 1].wholeNumberValue ?? 0)
            bcd.append(high << 4 | low)
        }
        return [0x5A, 0x0A] + CPS3Constants.issuer + bcd
    }
}

/// Decoding of certificate files (PEM or DER).
public enum CertificateFile {
    public static func der(fromPEMOrDER data: Data) -> [UInt8]? {
        guard let text = String(data: data, encoding: .utf8), text.contains("-----BEGIN") else {
            return data.isEmpty ? nil : Array(data)
        }
        let lines = text.split(whereSeparator: \.isNewline)
        var inside = false
        var base64 = ""
        for line in lines {
            if line.hasPrefix("-----BEGIN CERTIFICATE") {
                inside = true
            } else if line.hasPrefix("-----END") {
                if inside {
                    break
                }
            } else if inside {
                base64 += line.trimmingCharacters(in: .whitespaces)
            }
        }
        return Data(base64Encoded: base64).map(Array.init)
    }
}
