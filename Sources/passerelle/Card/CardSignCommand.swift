import ArgumentParser
import CPS
import Crypto
import Foundation
import X509

struct CardSignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Sign a SHA-256 digest with the card's authentication key (PIN asked once, never retried).",
        discussion: """
            Prints the RSA PKCS#1 v1.5 signature on standard output, after checking it against the card's own \
            certificate. Give exactly one of --digest-sha256 or --in.
            """)

    enum Encoding: String, ExpressibleByArgument, CaseIterable {
        case hex
        case base64
    }

    @OptionGroup var global: GlobalOptions
    @OptionGroup var transport: CardTransportOptions

    @Option(name: .customLong("digest-sha256"), help: "The SHA-256 digest to sign, 64 hexadecimal digits.")
    var digest: String?

    @Option(name: .customLong("in"), help: "A file whose SHA-256 digest is signed.")
    var input: String?

    @Option(name: .long, help: "Signature encoding: hex or base64.")
    var format: Encoding = .hex

    @Flag(
        name: .customLong("confirm-last-try"),
        help: "Send the PIN even when only one try is left (the card blocks if it is wrong).")
    var confirmLastTry = false

    func run() async throws {
        let json = global.json
        let digest: [UInt8]
        do {
            digest = try digestToSign()
        } catch {
            throw CardRunner.fail(error, json: json)
        }
        let confirm = confirmLastTry
        let encoding = format
        try await CardRunner.run(transport, global) { opened throws(AnyPasserelleError) in
            let card = try await cpsStep { () async throws(CPSError) in try CPSCard(channel: opened.channel) }
            let identity = try await cpsStep { () async throws(CPSError) in try await card.readIdentity() }
            try await PINGate.verify(card, confirmLastTry: confirm, json: json)
            let signature = try await cpsStep { () async throws(CPSError) in
                try await card.sign(sha256Digest: digest)
            }
            guard SignatureCheck.isValid(signature: signature, sha256Digest: digest, certificate: identity.certificate)
            else {
                throw AnyPasserelleError(CardCommandError.signatureMismatch)
            }
            let text = encoding == .hex ? signature.hexString.lowercased() : Data(signature).base64EncodedString()
            if json {
                Output.printJSON([
                    "signature": text, "format": encoding.rawValue, "algorithm": "RSASSA-PKCS1-v1_5 SHA-256",
                    "digestSha256": digest.hexString.lowercased(), "verifiedWithCertificate": true,
                    "nationalId": identity.holder.nationalID,
                    "certificatePEM": (try? identity.certificate.serializeAsPEM().pemString).map { $0 as Any }
                        ?? NSNull(),
                ])
            } else {
                print(text)
                Output.printError("Signature vérifiée avec le certificat de la carte (\(identity.holder.nationalID)).")
            }
        }
    }

    private func digestToSign() throws(AnyPasserelleError) -> [UInt8] {
        switch (digest, input) {
        case (let hex?, nil):
            return try CardPresentation.digest(hex: hex)
        case (nil, let path?):
            guard let data = FileManager.default.contents(atPath: path) else {
                throw AnyPasserelleError(CardCommandError.unreadableInput(path: path))
            }
            return Array(SHA256.hash(data: data))
        default:
            throw AnyPasserelleError(CardCommandError.badDigest("give exactly one of --digest-sha256 or --in"))
        }
    }
}
