// psc-profile: a fixed number of ID-token validations against a running psc-sim and nothing else, for
// `valgrind --tool=callgrind` (instruction counts do not care that the machine is shared). No timing printed.
// Usage: PSCProfile <psc-sim issuer> <Certs dir> <RS256|ES256> <count>
import Crypto
import Foundation
import ProSanteConnect
import _CryptoExtras

let arguments = CommandLine.arguments
guard arguments.count == 5, let count = Int(arguments[4]) else {
    FileHandle.standardError.write(Data("usage: PSCProfile <issuer> <Certs dir> <RS256|ES256> <count>\n".utf8))
    exit(2)
}
let issuer = arguments[1]
let certs = URL(fileURLWithPath: arguments[2])
let alg = arguments[3]

func base64url(_ data: Data) -> String {
    data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        .replacingOccurrences(of: "=", with: "")
}

let name = alg == "ES256" ? "psc-es256-1" : "psc-rs256-1"
let jwk = try JSONSerialization.jsonObject(with: Data(contentsOf: certs.appendingPathComponent("psc/\(name).jwk.json")))
let kid = (jwk as? [String: Any])?["kid"] as? String ?? ""
let now = Int(Date().timeIntervalSince1970)
let claims: [String: Any] = [
    "iss": issuer, "sub": "f:7c4ac6f2-9a52-4b0e-8f0c-5e1a3b9d2c01:899700000013", "aud": "passerelle",
    "azp": "passerelle", "iat": now, "exp": now + 3600, "auth_time": now, "acr": "eidas1", "nonce": "bench-nonce",
    "SubjectNameID": "899700000013", "given_name": "JEANNE", "family_name": "MEDECIN0000001",
]
let header = try JSONSerialization.data(withJSONObject: ["alg": alg, "typ": "JWT", "kid": kid])
let input = base64url(header) + "." + base64url(try JSONSerialization.data(withJSONObject: claims))
let pem = try String(contentsOf: certs.appendingPathComponent("psc/\(name).key.pem"), encoding: .utf8)
let digest = SHA256.hash(data: Data(input.utf8))
let signature =
    alg == "ES256"
    ? try P256.Signing.PrivateKey(pemRepresentation: pem).signature(for: digest).rawRepresentation
    : try _RSA.Signing.PrivateKey(pemRepresentation: pem).signature(for: digest, padding: .insecurePKCS1v1_5)
        .rawRepresentation
let jwt = input + "." + base64url(signature)

let client = try PSCClient(
    configuration: PSCConfiguration(
        issuer: issuer, clientID: "passerelle",
        clientAuthentication: .clientSecretBasic(secret: "TEST-secret-passerelle")))

@concurrent
func run(_ client: PSCClient, _ jwt: String, _ count: Int) async throws {
    for _ in 0..<count { _ = try await client.verifyIDToken(jwt, nonce: "bench-nonce") }
}

try await run(client, jwt, 1)
try await run(client, jwt, count)
await client.shutdown()
