import Foundation
import INS
import INSi
import Synchronization

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Wraps the real transport to learn, per call, the round-trip time and the simulator's own handling time.
final class MeasuringTransport: INSiTransport {
    struct Sample {
        let transport: Duration
        let simulatorMicros: Int
    }

    let base: HTTPClientTransport
    let samples = Mutex<[Sample]>([])

    init(base: HTTPClientTransport) { self.base = base }

    func send(_ request: INSiHTTPRequest) async throws(INSiError) -> INSiHTTPResponse {
        let start = ContinuousClock.now
        let response = try await base.send(request)
        let elapsed = ContinuousClock.now - start
        let micros = Int(response.headers["x-insi-sim-handling-us"] ?? "") ?? 0
        samples.withLock { $0.append(Sample(transport: elapsed, simulatorMicros: micros)) }
        return response
    }
}

struct NullSink: INSiTraceSink {
    func record(_ trace: INSiTrace) async throws {}
}

func microseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
}

func show(_ label: String, _ values: [Double]) {
    print(
        label.padding(toLength: 46, withPad: " ", startingAt: 0) + " "
            + String(format: "p50 %8.1f µs   p99 %8.1f µs", percentile(values, 0.5), percentile(values, 0.99)))
}

let arguments = CommandLine.arguments
guard arguments.count >= 5 else {
    print("usage: INSiBench <repo> <calls> <concurrency> <insi-sim>")
    exit(2)
}
let certs = arguments[1] + "/Certs"
let calls = max(100, Int(arguments[2]) ?? 2000)
let concurrency = max(1, Int(arguments[3]) ?? 8)

// insi-sim on free ports.
let simulator = Process()
simulator.executableURL = URL(fileURLWithPath: arguments[4])
simulator.arguments = ["--port", "0", "--certs-dir", certs]
let pipe = Pipe()
simulator.standardOutput = pipe
try simulator.run()
var line = Data()
while true {
    let byte = pipe.fileHandleForReading.readData(ofLength: 1)
    if byte.isEmpty || byte.first == 0x0A { break }
    line.append(byte)
}
guard let ready = try JSONSerialization.jsonObject(with: line) as? [String: Any],
    let endpoint = ready["mtls"] as? String
else {
    print("insi-sim did not start")
    exit(3)
}
defer { simulator.terminate() }

let tls = INSiTLSSettings(
    trustRootsFile: certs + "/ca/test-acr-el.cert.pem",
    clientIdentity: .pkcs12(path: certs + "/insi/INSI-AUTO.p12", passphraseFile: certs + "/insi/passphrase.txt"),
    serverNameSuffixes: [])
let base = try HTTPClientTransport(tls: tls)
let transport = MeasuringTransport(base: base)
let lps = LPSIdentity(idam: "ADM-PASSERELLE-TEST", name: "PASSERELLE", version: "bench", instance: UUID().uuidString)
let client = try INSiClient(
    configuration: INSiClientConfiguration(
        mode: .organisation, endpoint: endpoint, lps: lps, structureID: "499700367909006", retry: .none,
        breaker: .init(failureThreshold: 1_000_000)),
    transport: transport, traceSink: NullSink())
let traits = try Traits(nomNaissance: "ADRUN", prenoms: "ZOE", sexe: "F", naissance: "1975-12-31", lieuNaissance: nil)
    .normalized()
let query = TraitsQuery(traits: traits, prenom: "ZOE", includeBirthplace: false)

print("INSi benchmark — \(calls) calls, mTLS kept alive, insi-sim at \(endpoint)")

// Warm-up (handshake, pool, caches).
for _ in 0..<100 { _ = try await client.call(query) }
transport.samples.withLock { $0.removeAll() }

// 1. Sequential client calls.
var totals: [Double] = []
let sequentialStart = ContinuousClock.now
for _ in 0..<calls {
    let start = ContinuousClock.now
    let answer = try await client.call(query)
    totals.append(microseconds(ContinuousClock.now - start))
    precondition(answer.codeCR == "00")
}
let sequentialSeconds = microseconds(ContinuousClock.now - sequentialStart) / 1e6
let samples = transport.samples.withLock { $0 }
let minusSimulator = zip(totals, samples).map { $0 - Double($1.simulatorMicros) }
let minusTransport = zip(totals, samples).map { $0 - microseconds($1.transport) }

// 2. Baseline: the same envelope bytes through the bare transport (TLS + HTTP only, no client logic).
let envelope = Array(
    """
    <?xml version="1.0" encoding="UTF-8"?><soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Header>\
    <wsa:Action xmlns:wsa="http://www.w3.org/2005/08/addressing">urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite</wsa:Action>\
    <wsa:MessageID xmlns:wsa="http://www.w3.org/2005/08/addressing">uuid:00000000-0000-0000-0000-000000000000</wsa:MessageID>\
    <ctxlps:ContexteLPS xmlns:ctxlps="urn:siram:lps:ctxlps" Nature="CTXLPS" Version="01_00"><ctxlps:Id>x</ctxlps:Id>\
    <ctxlps:Temps>2026-01-01T00:00:00.000Z</ctxlps:Temps><ctxlps:Emetteur>499700367909006</ctxlps:Emetteur><ctxlps:LPS>\
    <ctxlps:IDAM R="4">ADM-PASSERELLE-TEST</ctxlps:IDAM><ctxlps:Version>bench</ctxlps:Version><ctxlps:Instance>x</ctxlps:Instance>\
    <ctxlps:Nom>urn:lps:PASSERELLE:bench</ctxlps:Nom></ctxlps:LPS></ctxlps:ContexteLPS>\
    <ctxbam:ContexteBAM xmlns:ctxbam="urn:siram:bam:ctxbam" Version="01_02"><ctxbam:Id>x</ctxbam:Id>\
    <ctxbam:Temps>2026-01-01T00:00:00.000Z</ctxbam:Temps><ctxbam:Emetteur>499700367909006</ctxbam:Emetteur>\
    <ctxbam:COUVERTURE></ctxbam:COUVERTURE></ctxbam:ContexteBAM></soap:Header><soap:Body>\
    <rec:RECSANSVITALE xmlns:rec="http://www.cnamts.fr/INSiRecSans"><rec:NomNaissance>ADRUN</rec:NomNaissance>\
    <rec:Prenom>ZOE</rec:Prenom><rec:Sexe>F</rec:Sexe><rec:DateNaissance>1975-12-31</rec:DateNaissance>\
    </rec:RECSANSVITALE></soap:Body></soap:Envelope>
    """.utf8)
var raw: [Double] = []
for _ in 0..<calls {
    let start = ContinuousClock.now
    _ = try await base.send(
        INSiHTTPRequest(url: endpoint, operation: .rechercherAvecTraits, body: envelope, timeout: .seconds(10)))
    raw.append(microseconds(ContinuousClock.now - start))
}

show("client call, total", totals)
show("baseline: same bytes, bare transport", raw)
show("client overhead (total − simulator handling)", minusSimulator)
show("client overhead (total − transport round trip)", minusTransport)
print(
    String(
        format: "ratio client/baseline p50: %.2f   sequential: %.0f calls/s",
        percentile(totals, 0.5)
            / percentile(raw, 0.5), Double(calls) / sequentialSeconds))

// 3. Concurrent calls over the pool.
let concurrentStart = ContinuousClock.now
try await withThrowingTaskGroup(of: Void.self) { group in
    for _ in 0..<concurrency {
        group.addTask {
            for _ in 0..<(calls / concurrency) { _ = try await client.call(query) }
        }
    }
    try await group.waitForAll()
}
let concurrentSeconds = microseconds(ContinuousClock.now - concurrentStart) / 1e6
print(String(format: "concurrent (%d tasks): %.0f calls/s", concurrency, Double(calls) / concurrentSeconds))

// 4. Parse throughput: RESULTAT with 100 INSHISTO entries.
var history = ""
for index in 0..<100 {
    let body = "1090763220" + String(format: "%03d", index)
    let key = MatriculeKey.compute(body: body)
    history += "<r:INSHISTO><r:IdIndividu><r:NumIdentifiant>\(body)</r:NumIdentifiant><r:Cle>"
    history += String(format: "%02d", key) + "</r:Cle></r:IdIndividu><r:OID>1.2.250.1.213.1.4.8</r:OID></r:INSHISTO>"
}
let large = Array(
    ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><e:Envelope xmlns:e=\"http://www.w3.org/2003/05/soap-envelope\"><e:Body>"
        + "<r:RESULTAT xmlns:r=\"http://www.cnamts.fr/INSiResultat\"><r:CR><r:CodeCR>00</r:CodeCR><r:LibelleCR>OK"
        + "</r:LibelleCR></r:CR><r:INDIVIDU><r:INSACTIF><r:IdIndividu><r:NumIdentifiant>1090763220834</r:NumIdentifiant>"
        + "<r:Cle>89</r:Cle></r:IdIndividu><r:OID>1.2.250.1.213.1.4.8</r:OID></r:INSACTIF>\(history)<r:TIQ>"
        + "<r:NomNaissance>ECETINSI</r:NomNaissance><r:ListePrenom>PIERRE-ALAIN MURIEL FLORIANT</r:ListePrenom>"
        + "<r:Sexe>M</r:Sexe><r:DateNaissance>2009-07-14</r:DateNaissance><r:LieuNaissance>63220</r:LieuNaissance>"
        + "</r:TIQ></r:INDIVIDU></r:RESULTAT></e:Body></e:Envelope>").utf8)
let parses = 2000
let parseStart = ContinuousClock.now
for _ in 0..<parses {
    guard case .answer(let answer) = try INSiResponseParser.parse(large), answer.individu?.history.count == 100 else {
        fatalError("unexpected parse result")
    }
}
let parseSeconds = microseconds(ContinuousClock.now - parseStart) / 1e6

final class EmptyDelegate: NSObject, XMLParserDelegate {}
let delegate = EmptyDelegate()
let baselineStart = ContinuousClock.now
for _ in 0..<parses {
    let parser = XMLParser(data: Data(large))
    parser.shouldProcessNamespaces = true
    parser.delegate = delegate
    _ = parser.parse()
}
let baselineSeconds = microseconds(ContinuousClock.now - baselineStart) / 1e6
print(
    String(
        format:
            "parse, 100 INSHISTO (%d bytes): %.0f parses/s, %.1f MB/s; baseline XMLParser no-op: %.0f parses/s; ratio %.2f",
        large.count, Double(parses) / parseSeconds, Double(large.count * parses) / parseSeconds / 1e6,
        Double(parses) / baselineSeconds, parseSeconds / baselineSeconds))

await base.shutdown()
