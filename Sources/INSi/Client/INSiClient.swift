import Foundation
import INS

/// The INSi client: one call (`call`), the CNDA search strategy (`search`) and verification by comparison
/// (`verify`). Traits are normalised and refused before anything is sent; every call that reaches the
/// transport is handed to the trace sink, success or failure.
public struct INSiClient: Sendable {
    public let configuration: INSiClientConfiguration
    let transport: any INSiTransport
    let traceSink: any INSiTraceSink
    let signer: (any INSiSigner)?
    public let breaker: CircuitBreaker
    let now: @Sendable () -> Date

    public init(
        configuration: INSiClientConfiguration, transport: any INSiTransport, traceSink: any INSiTraceSink,
        signer: (any INSiSigner)? = nil, now: @escaping @Sendable () -> Date = Date.init
    ) throws(INSiError) {
        if configuration.mode == .cpx {
            guard signer != nil else { throw .configuration("CPx mode needs a signer (CPS card or test key)") }
            guard configuration.professional != nil else {
                throw .configuration("CPx mode needs the professional's identifiers")
            }
        }
        self.configuration = configuration
        self.transport = transport
        self.traceSink = traceSink
        self.signer = signer
        self.breaker = CircuitBreaker(settings: configuration.breaker, now: now)
        self.now = now
    }

    /// One RECSANSVITALE call, no strategy.
    public func call(_ query: TraitsQuery, operatorID: String? = nil) async throws(INSiError) -> INSiAnswer {
        try await exchange(operation: .rechercherAvecTraits, body: query.bodyXML, operatorID: operatorID)
    }

    /// One RECVITALE call.
    public func call(_ query: VitaleQuery, operatorID: String? = nil) async throws(INSiError) -> INSiAnswer {
        try await exchange(operation: .rechercherAvecCarteVitale, body: query.bodyXML, operatorID: operatorID)
    }

    private func exchange(operation: INSiOperation, body: String, operatorID: String?) async throws(INSiError)
        -> INSiAnswer
    {
        try await breaker.admit()
        let security = try await securityHeader()
        var attempt = 1
        while true {
            do {
                let answer = try await attemptOnce(
                    operation: operation, body: body, security: security, operatorID: operatorID, attempt: attempt)
                await breaker.recordSuccess()
                return answer
            } catch {
                if error.isTechnical {
                    await breaker.recordTechnicalFailure()
                } else if case .fault = error {
                    await breaker.recordSuccess()
                }
                guard operation == .rechercherAvecTraits || operation == .rechercherAvecCarteVitale,
                    configuration.retry.shouldRetry(error, attempt: attempt)
                else { throw error }
                try? await Task.sleep(for: configuration.retry.delay(afterAttempt: attempt))
                try await breaker.admit()
                attempt += 1
            }
        }
    }

    private func securityHeader() async throws(INSiError) -> String? {
        guard configuration.mode == .cpx, let signer, let professional = configuration.professional else {
            return nil
        }
        let issuer = try AssertionPS.subjectDN(ofCertificate: signer.certificateDER)
        let assertion = AssertionPS(
            id: "_" + UUID().uuidString.lowercased(), issueInstant: now(), issuerDN: issuer,
            professional: professional)
        return try await assertion.signed(by: signer)
    }

    private func attemptOnce(
        operation: INSiOperation, body: String, security: String?, operatorID: String?, attempt: Int
    ) async throws(INSiError) -> INSiAnswer {
        let messageID = UUID().uuidString.lowercased()
        let startedAt = now()
        let builder = SOAPEnvelopeBuilder(lps: configuration.lps, emitter: configuration.emitter)
        let xml = builder.envelope(
            operation: operation, body: body, security: security,
            context: .init(messageID: messageID, contextID: UUID().uuidString.lowercased(), time: startedAt))
        let request = INSiHTTPRequest(
            url: configuration.endpoint, operation: operation, body: Array(xml.utf8),
            timeout: configuration.requestTimeout)
        let clock = ContinuousClock()
        let start = clock.now
        var record = TraceDraft(
            mode: configuration.mode, operation: operation, messageID: "uuid:" + messageID,
            endpoint: configuration.endpoint, requestXML: xml, startedAt: startedAt, operatorID: operatorID,
            attempt: attempt)
        let response: INSiHTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            record.finish(elapsed: clock.now - start, error: error)
            try await store(record)
            throw error
        }
        record.response(response)
        let outcome: Result<INSiAnswer, INSiError>
        do {
            switch try INSiResponseParser.parse(response.body) {
            case .answer(let answer):
                outcome = response.status == 200 ? .success(answer) : .failure(.httpStatus(response.status))
            case .fault(let fault):
                outcome = .failure(.fault(fault))
            }
        } catch {
            outcome = .failure(response.status == 200 ? error : .httpStatus(response.status))
        }
        switch outcome {
        case .success(let answer): record.finish(elapsed: clock.now - start, answer: answer)
        case .failure(let error): record.finish(elapsed: clock.now - start, error: error)
        }
        try await store(record)
        return try outcome.get()
    }

    private func store(_ draft: TraceDraft) async throws(INSiError) {
        do { try await traceSink.record(draft.trace) } catch { throw .traceNotStored("\(error)") }
    }
}
