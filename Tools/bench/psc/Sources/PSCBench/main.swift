// psc-bench: ID-token validations per second (RS256, ES256, all claim checks) and complete code-flow logins per
// second against a running psc-sim. Prints rates only (per CPU second, and per wall second for reference); `run`
// computes the ratios. Never asserts a timing.
import AsyncHTTPClient
import Crypto
import Foundation
import NIOCore
import ProSanteConnect
import _CryptoExtras

let arguments = CommandLine.arguments
guard arguments.count == 4 else {
    FileHandle.standardError.write(Data("usage: PSCBench <psc-sim issuer> <Certs dir> <seconds>\n".utf8))
    exit(2)
}
let issuer = arguments[1]
let certs = URL(fileURLWithPath: arguments[2])
let seconds = Double(arguments[3]) ?? 3

func base64url(_ data: Data) -> String {
    data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
        .replacingOccurrences(of: "=", with: "")
}

func kid(_ name: String) throws -> String {
    let data = try Data(contentsOf: certs.appendingPathComponent("psc/\(name).jwk.json"))
    let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    return object?["kid"] as? String ?? ""
}

/// A realistic PSC ID token signed with the TEST key, as psc-sim would issue it.
func token(alg: String) throws -> String {
    let now = Int(Date().timeIntervalSince1970)
    let claims: [String: Any] = [
        "iss": issuer, "sub": "f:7c4ac6f2-9a52-4b0e-8f0c-5e1a3b9d2c01:899700000013", "aud": "passerelle",
        "azp": "passerelle", "iat": now, "exp": now + 3600, "auth_time": now, "acr": "eidas1", "nonce": "bench-nonce",
        "SubjectNameID": "899700000013", "given_name": "JEANNE", "family_name": "MEDECIN0000001",
    ]
    let name = alg == "ES256" ? "psc-es256-1" : "psc-rs256-1"
    let header = try JSONSerialization.data(withJSONObject: ["alg": alg, "typ": "JWT", "kid": try kid(name)])
    let input = base64url(header) + "." + base64url(try JSONSerialization.data(withJSONObject: claims))
    let pem = try String(contentsOf: certs.appendingPathComponent("psc/\(name).key.pem"), encoding: .utf8)
    let digest = SHA256.hash(data: Data(input.utf8))
    let signature: Data
    if alg == "ES256" {
        signature = try P256.Signing.PrivateKey(pemRepresentation: pem).signature(for: digest).rawRepresentation
    } else {
        signature = try _RSA.Signing.PrivateKey(pemRepresentation: pem)
            .signature(for: digest, padding: .insecurePKCS1v1_5).rawRepresentation
    }
    return input + "." + base64url(signature)
}

/// The signature primitive alone, as swift-crypto exposes it: parsed key, parsed signature and digest prepared
/// once, so the loop is BoringSSL's verify and nothing else. The second baseline: how close the full validation
/// gets to the math it cannot avoid.
func primitive(alg: String, jwt: String) throws -> () -> Bool {
    let parts = jwt.split(separator: ".")
    let digest = SHA256.hash(data: Data("\(parts[0]).\(parts[1])".utf8))
    let signatureBytes = Data(base64Encoded: base64(parts[2])) ?? Data()
    let name = alg == "ES256" ? "psc-es256-1" : "psc-rs256-1"
    let pem = try String(contentsOf: certs.appendingPathComponent("psc/\(name).pub.pem"), encoding: .utf8)
    if alg == "ES256" {
        let key = try P256.Signing.PublicKey(pemRepresentation: pem)
        let signature = try P256.Signing.ECDSASignature(rawRepresentation: signatureBytes)
        return { key.isValidSignature(signature, for: digest) }
    }
    let key = try _RSA.Signing.PublicKey(pemRepresentation: pem)
    let signature = _RSA.Signing.RSASignature(rawRepresentation: signatureBytes)
    return { key.isValidSignature(signature, for: digest, padding: .insecurePKCS1v1_5) }
}

func base64(_ url: Substring) -> String {
    let text = url.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    return text + String(repeating: "=", count: (4 - text.count % 4) % 4)
}

/// Seconds of CPU used by this process (all threads, user and system). `openssl speed` divides by its user CPU
/// time, not by the wall clock (its `-elapsed` flag says so), so on a machine shared with other builds a
/// wall-clock rate here would be compared with a rate that ignores the contention. Dividing by our CPU time
/// (system time included, which only makes us look slower) keeps the two comparable.
func cpuSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Runs `body` for `seconds` of wall time in batches of 100; returns calls per CPU second and per wall second.
func rate(_ body: () throws -> Void) rethrows -> (cpu: Double, wall: Double) {
    var count = 0
    let start = Date()
    let cpuStart = cpuSeconds()
    while Date().timeIntervalSince(start) < seconds {
        for _ in 0..<100 { try body() }
        count += 100
    }
    return (Double(count) / (cpuSeconds() - cpuStart), Double(count) / Date().timeIntervalSince(start))
}

let configuration = PSCConfiguration(
    issuer: issuer, clientID: "passerelle", clientAuthentication: .clientSecretBasic(secret: "TEST-secret-passerelle"))
let client = try PSCClient(configuration: configuration)

/// Validations per second, run off the main actor the way a server handler calls it: top-level code is
/// main-actor isolated, and a loop there would time two executor switches per call that no server pays.
@concurrent
func validations(_ client: PSCClient, _ jwt: String) async throws -> (cpu: Double, wall: Double) {
    _ = try await client.verifyIDToken(jwt, nonce: "bench-nonce")
    var count = 0
    let start = Date()
    let cpuStart = cpuSeconds()
    while Date().timeIntervalSince(start) < seconds {
        for _ in 0..<100 { _ = try await client.verifyIDToken(jwt, nonce: "bench-nonce") }
        count += 100
    }
    return (Double(count) / (cpuSeconds() - cpuStart), Double(count) / Date().timeIntervalSince(start))
}

for alg in ["RS256", "ES256"] {
    let jwt = try token(alg: alg)
    let verify = try primitive(alg: alg, jwt: jwt)
    guard verify() else { throw CancellationError() }
    let raw = rate { _ = verify() }
    print("primitive_\(alg)=\(raw.cpu)")
    print("primitive_\(alg)_wall=\(raw.wall)")
    let full = try await validations(client, jwt)
    print("validations_\(alg)=\(full.cpu)")
    print("validations_\(alg)_wall=\(full.wall)")
}

/// One login the way a browser does it, without following redirects: GET authorize, POST the form, read the
/// Location (the loopback callback), hand its query to the client.
let browser = HTTPClient(
    eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: .init(redirectConfiguration: .disallow))
func login() async throws {
    let request = try await client.beginLogin(redirectURI: "http://127.0.0.1:9/callback")
    let page = try await browser.execute(HTTPClientRequest(url: request.url), timeout: .seconds(10))
    let html = String(buffer: try await page.body.collect(upTo: 1 << 20))
    guard let range = html.range(of: #"name="request_id" value=""#),
        let end = html[range.upperBound...].firstIndex(of: "\"")
    else { throw CancellationError() }
    let requestID = String(html[range.upperBound..<end])
    var post = HTTPClientRequest(url: String(request.url.prefix { $0 != "?" }) + "/login")
    post.method = .POST
    post.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
    post.body = .bytes(ByteBuffer(string: "request_id=\(requestID)&professional=899700000013&method=cps&action=login"))
    let redirect = try await browser.execute(post, timeout: .seconds(10))
    _ = try await redirect.body.collect(upTo: 1 << 16)
    guard let location = redirect.headers.first(name: "Location") else { throw CancellationError() }
    _ = try await client.completeLogin(try CallbackParameters(query: location))
}

try await login()
var logins = 0
let loginStart = Date()
while Date().timeIntervalSince(loginStart) < seconds {
    try await login()
    logins += 1
}
print("logins=\(Double(logins) / Date().timeIntervalSince(loginStart))")
try await browser.shutdown()
await client.shutdown()
