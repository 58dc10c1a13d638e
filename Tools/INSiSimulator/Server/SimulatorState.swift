import Foundation

/// Runtime state shared by the endpoints and the admin port: queued faults and the log of received requests.
actor SimulatorState {
    enum FaultKind: String, Codable, Sendable, CaseIterable {
        case insi102 = "insi_102"
        case desir550 = "desir_550"
        case desir560 = "desir_560"
        case http503 = "http_503"
        case malformed
        case drop
        case slow
    }

    struct Fault: Codable, Sendable {
        var fault: FaultKind
        /// How many requests it applies to; -1 = until cleared.
        var count: Int?
        var delayMs: Int?
        /// `mtls`, `cpx` or nil for both.
        var endpoint: String?
    }

    struct Recorded: Codable, Sendable {
        let endpoint: String
        let receivedAt: Date
        let clientCN: String?
        let action: String?
        let messageID: String?
        let idam: String?
        let emetteur: String?
        let nomNaissance: String?
        let prenom: String?
        let sexe: String?
        let dateNaissance: String?
        let lieuNaissance: String?
        let assertionVerified: Bool?
        let answer: String
        let xml: String
    }

    private var faults: [Fault] = []
    private(set) var requests: [Recorded] = []

    func inject(_ fault: Fault) { faults.append(fault) }
    func clearFaults() { faults.removeAll() }
    func clearRequests() { requests.removeAll() }
    func record(_ request: Recorded) { requests.append(request) }

    /// The fault to apply to the next request on `endpoint`, consuming one use of it.
    func takeFault(endpoint: String) -> Fault? {
        guard let index = faults.firstIndex(where: { $0.endpoint == nil || $0.endpoint == endpoint }) else {
            return nil
        }
        let fault = faults[index]
        let count = fault.count ?? 1
        if count > 1 {
            faults[index].count = count - 1
        } else if count >= 0 {
            faults.remove(at: index)
        }
        return fault
    }
}
