import Foundation
import NIOHTTP1

/// The control port (plain HTTP, loopback only): inject faults, read and clear the request log.
///
/// - `GET /health`
/// - `POST /faults` `{"fault":"insi_102|desir_550|desir_560|http_503|malformed|drop|slow","count":1,"delayMs":2000,"endpoint":"mtls|cpx"}`
/// - `DELETE /faults`
/// - `GET /requests` → JSON array of received requests; `DELETE /requests`
struct AdminEndpoint: Sendable {
    let state: SimulatorState

    func handle(_ head: HTTPRequestHead, _ body: [UInt8], _ connection: HTTPConnection) async -> HTTPReply {
        let path = head.uri.split(separator: "?").first.map(String.init) ?? head.uri
        switch (head.method, path) {
        case (.GET, "/health"):
            return json(["status": "ok"])
        case (.POST, "/faults"):
            do {
                let fault = try JSONDecoder().decode(SimulatorState.Fault.self, from: Data(body))
                await state.inject(fault)
                return json(["injected": fault.fault.rawValue])
            } catch {
                let kinds = SimulatorState.FaultKind.allCases.map(\.rawValue).joined(separator: ", ")
                return .text(.badRequest, "expected {\"fault\": one of \(kinds)}: \(error)\n")
            }
        case (.DELETE, "/faults"):
            await state.clearFaults()
            return json(["cleared": "faults"])
        case (.GET, "/requests"):
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            let data = (try? encoder.encode(await state.requests)) ?? Data("[]".utf8)
            return HTTPReply(status: .ok, contentType: "application/json", body: Array(data))
        case (.DELETE, "/requests"):
            await state.clearRequests()
            return json(["cleared": "requests"])
        default:
            return .text(.notFound, "unknown admin route\n")
        }
    }

    private func json(_ object: [String: String]) -> HTTPReply {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return HTTPReply(status: .ok, contentType: "application/json", body: Array(data))
    }
}
